using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Log;

/// <summary>An inclusion proof: leaf <see cref="LeafIndex"/> with <see cref="LeafHash"/> is in the tree of <see cref="TreeSize"/> leaves.</summary>
public sealed record InclusionProof
{
    public required long LeafIndex { get; init; }

    public required long TreeSize { get; init; }

    public required MerkleHash LeafHash { get; init; }

    /// <summary>The audit path, deepest sibling first.</summary>
    public required IReadOnlyList<MerkleHash> Hashes { get; init; }
}
