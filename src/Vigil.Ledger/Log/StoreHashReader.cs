using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;

namespace Vigil.Ledger.Log;

/// <summary>The store's stored levels as a hash reader for proofs.</summary>
internal sealed class StoreHashReader(ILogStore store) : ITileHashReader
{
    public int LevelHeight => LogLayout.StoredLevelHeight;

    public ValueTask ReadHashesAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken) =>
        store.ReadHashesAsync(level, start, destination, cancellationToken);
}
