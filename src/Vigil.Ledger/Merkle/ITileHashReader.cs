namespace Vigil.Ledger.Merkle;

/// <summary>
/// Reads stored tree hashes by level: level <c>L</c> holds the hashes of the complete subtrees of height
/// <c>L·LevelHeight</c> (level 0 holds the leaf hashes). A client reading tlog-tiles has a level height of 8; a log's
/// own store keeps a level every 4 tree levels, so proofs fold at most 8 hashes per proof hash.
/// </summary>
public interface ITileHashReader
{
    /// <summary>Tree levels between consecutive stored levels (8 for tlog-tiles).</summary>
    int LevelHeight { get; }

    /// <summary>Fills <paramref name="destination"/> with the level-<paramref name="level"/> hashes starting at <paramref name="start"/>.</summary>
    ValueTask ReadHashesAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken);
}
