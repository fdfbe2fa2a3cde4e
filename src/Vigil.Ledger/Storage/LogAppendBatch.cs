namespace Vigil.Ledger.Storage;

/// <summary>
/// Everything one append adds, written by the store atomically: the entries, their leaf hashes (level 0) and the
/// hashes of every tile the append completed at the levels above. A store must reject the batch when its size is not
/// <see cref="StartIndex"/>, so a retry after a crash can never duplicate or reorder entries.
/// </summary>
public sealed record LogAppendBatch
{
    /// <summary>The index of the first new entry; equals the store's size before the append.</summary>
    public required long StartIndex { get; init; }

    /// <summary>The new entries, in order.</summary>
    public required IReadOnlyList<ReadOnlyMemory<byte>> Entries { get; init; }

    /// <summary>The new hashes per level, level 0 first.</summary>
    public required IReadOnlyList<LevelHashes> Levels { get; init; }
}
