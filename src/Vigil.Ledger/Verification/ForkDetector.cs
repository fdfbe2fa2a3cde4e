using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Verification;

/// <summary>Decides whether a new checkpoint can follow a state seen before; two histories that cannot both be true are a fork.</summary>
public static class ForkDetector
{
    /// <summary>
    /// Throws unless <paramref name="newer"/> extends <paramref name="older"/>: StaleCheckpoint for a smaller tree,
    /// Fork for the same size with another root or a consistency proof that does not verify.
    /// </summary>
    public static void EnsureConsistent(LogState older, Checkpoint newer, ReadOnlySpan<MerkleHash> consistencyProof)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (newer.Origin != older.Origin)
        {
            throw new LedgerException(LedgerFailure.WrongOrigin, $"The checkpoint is for log '{newer.Origin}', the state for '{older.Origin}'.");
        }

        if (newer.Size < older.Size)
        {
            throw new LedgerException(LedgerFailure.StaleCheckpoint, $"The checkpoint is for size {newer.Size}, smaller than the size {older.Size} already verified.");
        }

        if (newer.Size == older.Size && newer.RootHash != older.RootHash)
        {
            throw new LedgerException(LedgerFailure.Fork, $"Fork: two checkpoints of size {newer.Size} with different roots ({older.RootHash.ToBase64()} and {newer.RootHash.ToBase64()}).");
        }

        if (!MerkleProof.VerifyConsistency(older.Size, newer.Size, older.RootHash, newer.RootHash, consistencyProof))
        {
            throw new LedgerException(LedgerFailure.Fork, $"Fork: no valid consistency proof from size {older.Size} to size {newer.Size}; the log rewrote its history.");
        }
    }

    /// <summary>
    /// Throws Fork unless two checkpoints of one log, seen anywhere, can both be true: the smaller must be a prefix of
    /// the larger by <paramref name="proofFromSmallerToLarger"/> (empty when the sizes are equal).
    /// </summary>
    public static void EnsureConsistent(Checkpoint a, Checkpoint b, ReadOnlySpan<MerkleHash> proofFromSmallerToLarger)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (smaller, larger) = a.Size <= b.Size ? (a, b) : (b, a);
        EnsureConsistent(LogState.From(smaller), larger, proofFromSmallerToLarger);
    }
}
