using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Verification;

/// <summary>The hashes recomputed so far: the frontier, a snapshot at the previous size, and the open tile at each level above 0.</summary>
internal sealed class AuditRecomputation(long treeSize, long previousSize)
{
    private readonly List<List<MerkleHash>> _open = [];

    public long TreeSize => treeSize;

    public MerkleFrontier Frontier { get; } = new();

    public MerkleFrontier? PreviousFrontier { get; private set; }

    public async Task AddLeavesAsync(Func<TileCoordinate, CancellationToken, Task<byte[]>> fetch, MerkleHash[] leaves, CancellationToken cancellationToken)
    {
        SnapshotIfAtPrevious();
        var start = Frontier.Size;
        var end = start + leaves.Length;
        if (leaves.Length == TileMath.Width && (previousSize <= start || previousSize >= end))
        {
            Frontier.AppendSubtree(TileMath.Height, MerkleHasher.RootOf(leaves));
        }
        else
        {
            foreach (var leaf in leaves)
            {
                SnapshotIfAtPrevious();
                Frontier.Append(leaf);
            }
        }

        SnapshotIfAtPrevious();
        if (leaves.Length == TileMath.Width)
        {
            await PushAsync(fetch, 1, MerkleHasher.RootOf(leaves), cancellationToken);
        }
    }

    public async Task FinishAsync(Func<TileCoordinate, CancellationToken, Task<byte[]>> fetch, CancellationToken cancellationToken)
    {
        SnapshotIfAtPrevious();
        for (var level = 1; level <= _open.Count; level++)
        {
            var open = _open[level - 1];
            if (open.Count > 0)
            {
                var index = TileMath.HashCountAtLevel(treeSize, level) / TileMath.Width;
                await CompareAsync(fetch, level, index, open, cancellationToken);
            }
        }
    }

    private void SnapshotIfAtPrevious()
    {
        if (PreviousFrontier is null && Frontier.Size == previousSize)
        {
            PreviousFrontier = MerkleFrontier.FromHashes(Frontier.Size, Frontier.Hashes.ToArray());
        }
    }

    private async Task PushAsync(Func<TileCoordinate, CancellationToken, Task<byte[]>> fetch, int level, MerkleHash hash, CancellationToken cancellationToken)
    {
        while (_open.Count < level)
        {
            _open.Add(new List<MerkleHash>(TileMath.Width));
        }

        var open = _open[level - 1];
        open.Add(hash);
        if (open.Count < TileMath.Width)
        {
            return;
        }

        var index = (TileMath.HashCountAtLevel(Frontier.Size, level) / TileMath.Width) - 1;
        await CompareAsync(fetch, level, index, open, cancellationToken);
        var root = MerkleHasher.RootOf(open.ToArray());
        open.Clear();
        await PushAsync(fetch, level + 1, root, cancellationToken);
    }

    private static async Task CompareAsync(Func<TileCoordinate, CancellationToken, Task<byte[]>> fetch, int level, long index, List<MerkleHash> recomputed, CancellationToken cancellationToken)
    {
        var coordinate = TileCoordinate.Hashes(level, index, recomputed.Count);
        var served = TileCodec.DecodeHashTile(await fetch(coordinate, cancellationToken), coordinate);
        for (var i = 0; i < recomputed.Count; i++)
        {
            if (served[i] != recomputed[i])
            {
                var span = 1L << (TileMath.Height * level);
                var first = (coordinate.StartIndex + i) * span;
                throw new LedgerException(
                    LedgerFailure.TileMismatch,
                    $"Hash {i} of tile {coordinate} (entries [{first}, {first + span})) differs from the hash recomputed from the entries: stored hashes were changed.",
                    first);
            }
        }
    }
}
