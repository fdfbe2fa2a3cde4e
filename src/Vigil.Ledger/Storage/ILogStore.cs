using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Storage;

/// <summary>
/// Durable storage for a transparency log: entries, stored hashes by level, and the latest signed checkpoint.
/// Stored level <c>L</c> holds the hashes of the complete subtrees of height <c>4·L</c> (<see cref="Log.LogLayout"/>);
/// tlog-tiles level <c>T</c> is stored level <c>2·T</c>. Stored hashes never change once written; appends only add.
/// </summary>
public interface ILogStore
{
    /// <summary>Fills <paramref name="destination"/> with stored level <paramref name="level"/> hashes starting at <paramref name="start"/>.</summary>
    ValueTask ReadHashesAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken);

    /// <summary>The number of entries stored.</summary>
    ValueTask<long> GetSizeAsync(CancellationToken cancellationToken);

    /// <summary>Writes a batch atomically, or nothing; throws <see cref="Errors.LedgerException"/> (ConcurrentAppend) when the size is not the batch's start.</summary>
    ValueTask AppendAsync(LogAppendBatch batch, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="count"/> entries starting at <paramref name="start"/>.</summary>
    ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken);

    /// <summary>The index of the first entry whose leaf hash is <paramref name="leafHash"/>, or null.</summary>
    ValueTask<long?> FindLeafIndexAsync(MerkleHash leafHash, CancellationToken cancellationToken);

    /// <summary>The latest signed checkpoint note (with any cosignatures), or null before the first one.</summary>
    ValueTask<string?> GetCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the latest signed checkpoint note.</summary>
    ValueTask SaveCheckpointAsync(string signedNote, CancellationToken cancellationToken);
}
