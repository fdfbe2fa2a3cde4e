using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Verification;

/// <summary>
/// Where a verifier reads a log from: the signed checkpoint and tlog-tiles resources. An HTTP source maps these to
/// <c>GET {prefix}/checkpoint</c> and <c>GET {prefix}/{TilePath.Format(tile)}</c>.
/// </summary>
public interface ILogSource
{
    /// <summary>The latest signed checkpoint note.</summary>
    Task<string> GetCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>The bytes of a hash tile or entry bundle.</summary>
    Task<byte[]> GetTileAsync(TileCoordinate tile, CancellationToken cancellationToken);
}
