using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Verification;

/// <summary>Reads a log in the same process, exactly as a remote client would see it served.</summary>
public sealed class LocalLogSource(TransparencyLog log) : ILogSource
{
    /// <inheritdoc/>
    public async Task<string> GetCheckpointAsync(CancellationToken cancellationToken) =>
        await log.GetCheckpointAsync(cancellationToken)
        ?? throw new LedgerException(LedgerFailure.UntrustedNote, "The log has signed no checkpoint yet.");

    /// <inheritdoc/>
    public Task<byte[]> GetTileAsync(TileCoordinate tile, CancellationToken cancellationToken) => log.ReadTileAsync(tile, cancellationToken);
}
