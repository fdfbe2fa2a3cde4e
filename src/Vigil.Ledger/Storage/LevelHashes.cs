using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Storage;

/// <summary>New stored hashes at one tile level: <see cref="Hashes"/> go at indices starting at <see cref="Start"/>.</summary>
public sealed record LevelHashes
{
    /// <summary>The stored level (0 = leaf hashes; level L holds subtrees of height 4·L).</summary>
    public required int Level { get; init; }

    /// <summary>The index of the first new hash within the level.</summary>
    public required long Start { get; init; }

    /// <summary>The new hashes, in order.</summary>
    public required ReadOnlyMemory<MerkleHash> Hashes { get; init; }
}
