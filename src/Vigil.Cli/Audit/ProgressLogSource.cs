using Vigil.Ledger.Tiles;
using Vigil.Ledger.Verification;

namespace Vigil.Cli.Audit;

/// <summary>Passes reads through and reports each entry bundle fetched, for a progress bar.</summary>
internal sealed class ProgressLogSource(ILogSource inner, Action<TileCoordinate> onBundle) : ILogSource
{
    public Task<string> GetCheckpointAsync(CancellationToken cancellationToken) => inner.GetCheckpointAsync(cancellationToken);

    public async Task<byte[]> GetTileAsync(TileCoordinate tile, CancellationToken cancellationToken)
    {
        var bytes = await inner.GetTileAsync(tile, cancellationToken).ConfigureAwait(false);
        if (tile.IsEntryBundle)
        {
            onBundle(tile);
        }

        return bytes;
    }
}
