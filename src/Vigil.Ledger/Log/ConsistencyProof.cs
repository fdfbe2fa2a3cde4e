using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Log;

/// <summary>A consistency proof that the tree of <see cref="OldSize"/> leaves is a prefix of the tree of <see cref="NewSize"/>.</summary>
public sealed record ConsistencyProof
{
    public required long OldSize { get; init; }

    public required long NewSize { get; init; }

    public required IReadOnlyList<MerkleHash> Hashes { get; init; }
}
