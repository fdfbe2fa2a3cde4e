using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Storage;

/// <summary>
/// A log store in memory, for tests, benchmarks and tools. Hashes live in one growable array of structs per level.
/// Pass <c>indexLeafHashes: false</c> to skip the hash-to-index map (saves memory in very large benchmarks; lookups
/// by hash then scan).
/// </summary>
public sealed class InMemoryLogStore(bool indexLeafHashes = true) : ILogStore
{
    private readonly Lock _lock = new();
    private readonly List<byte[]> _entries = [];
    private readonly List<HashColumn> _levels = [];
    private readonly Dictionary<MerkleHash, long> _leafIndex = [];
    private string? _checkpoint;

    /// <inheritdoc/>
    public ValueTask<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult((long)_entries.Count);
        }
    }

    /// <inheritdoc/>
    public ValueTask AppendAsync(LogAppendBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            if (batch.StartIndex != _entries.Count)
            {
                throw new LedgerException(LedgerFailure.ConcurrentAppend, $"The batch starts at {batch.StartIndex} but the log holds {_entries.Count} entries.", batch.StartIndex);
            }

            foreach (var level in batch.Levels)
            {
                var column = ColumnFor(level.Level);
                if (level.Start != column.Count)
                {
                    throw new LedgerException(LedgerFailure.ConcurrentAppend, $"Level {level.Level} hashes start at {level.Start} but the level holds {column.Count}.", batch.StartIndex);
                }
            }

            foreach (var level in batch.Levels)
            {
                _levels[level.Level].Append(level.Hashes.Span);
            }

            var leaves = batch.Levels.Count > 0 ? batch.Levels[0].Hashes.Span : default;
            for (var i = 0; i < batch.Entries.Count; i++)
            {
                _entries.Add(batch.Entries[i].ToArray());
                if (indexLeafHashes)
                {
                    _leafIndex.TryAdd(leaves[i], batch.StartIndex + i);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ReadHashesAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (level >= _levels.Count || start < 0 || start + destination.Length > _levels[level].Count)
            {
                throw new LedgerException(LedgerFailure.InvalidArgument, $"Level {level} holds no hashes [{start}, {start + destination.Length}).");
            }

            _levels[level].CopyTo(start, destination.Span);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (start < 0 || count < 0 || start + count > _entries.Count)
            {
                throw new LedgerException(LedgerFailure.InvalidArgument, $"The log holds no entries [{start}, {start + count}).", start);
            }

            var result = new ReadOnlyMemory<byte>[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _entries[(int)start + i];
            }

            return ValueTask.FromResult<IReadOnlyList<ReadOnlyMemory<byte>>>(result);
        }
    }

    /// <inheritdoc/>
    public ValueTask<long?> FindLeafIndexAsync(MerkleHash leafHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (indexLeafHashes)
            {
                return ValueTask.FromResult(_leafIndex.TryGetValue(leafHash, out var i) ? i : (long?)null);
            }

            return ValueTask.FromResult(_levels.Count == 0 ? null : _levels[0].IndexOf(leafHash));
        }
    }

    /// <inheritdoc/>
    public ValueTask<string?> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_checkpoint);
        }
    }

    /// <inheritdoc/>
    public ValueTask SaveCheckpointAsync(string signedNote, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _checkpoint = signedNote;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Overwrites a stored entry without touching any hash, as someone editing the database would.</summary>
    internal void TamperEntry(long index, byte[] entry)
    {
        lock (_lock)
        {
            _entries[(int)index] = entry;
        }
    }

    /// <summary>Edits the stored entries (remove, insert, reorder) without touching any hash, as someone editing the database would.</summary>
    internal void TamperEntries(Action<List<byte[]>> edit)
    {
        lock (_lock)
        {
            edit(_entries);
        }
    }

    /// <summary>Overwrites a stored hash, as someone editing the database would.</summary>
    internal void TamperHash(int level, long index, MerkleHash hash)
    {
        lock (_lock)
        {
            _levels[level].Set(index, hash);
        }
    }

    private HashColumn ColumnFor(int level)
    {
        while (_levels.Count <= level)
        {
            _levels.Add(new HashColumn());
        }

        return _levels[level];
    }
}
