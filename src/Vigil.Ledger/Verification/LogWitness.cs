using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Verification;

/// <summary>
/// A witness (tlog-cosignature v1): verifies the log's signature on a checkpoint and its consistency with the last
/// state the witness saw, then cosigns it. It never cosigns a smaller tree or a history that contradicts one it saw.
/// </summary>
/// <param name="cosigner">The witness's cosigning key (type 0x04).</param>
/// <param name="logKey">The followed log's verifier key.</param>
public sealed class LogWitness(NoteSigner cosigner, NoteVerifier logKey)
{
    /// <summary>Follows a log: reads its latest checkpoint, proves consistency from its tiles, and cosigns.</summary>
    public async Task<WitnessResult> ObserveAsync(ILogSource source, LogState? last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var note = await source.GetCheckpointAsync(cancellationToken);
        var verified = CheckpointVerifier.Verify(note, logKey);
        var proof = Array.Empty<MerkleHash>();
        if (last is not null && last.Size > 0 && verified.Checkpoint.Size > last.Size)
        {
            var builder = new MerkleProofBuilder(new SourceHashReader(source, verified.Checkpoint.Size));
            proof = await builder.GetConsistencyProofAsync(last.Size, verified.Checkpoint.Size, cancellationToken);
        }

        return Cosign(verified, last, proof);
    }

    /// <summary>Cosigns a checkpoint pushed to the witness with a consistency proof from the witness's last size (as in tlog-witness).</summary>
    public WitnessResult Cosign(string checkpointNote, LogState? last, IReadOnlyList<MerkleHash> consistencyProof)
    {
        ArgumentNullException.ThrowIfNull(consistencyProof);
        return Cosign(CheckpointVerifier.Verify(checkpointNote, logKey), last, consistencyProof.ToArray());
    }

    private WitnessResult Cosign(VerifiedCheckpoint verified, LogState? last, MerkleHash[] proof)
    {
        var checkpoint = verified.Checkpoint;
        if (last is not null)
        {
            ForkDetector.EnsureConsistent(last, checkpoint, proof);
        }
        else if (proof.Length != 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, "A consistency proof was given but the witness has no earlier state.");
        }

        var signature = cosigner.Sign(verified.Note.Text);
        return new WitnessResult
        {
            State = LogState.From(checkpoint),
            Checkpoint = checkpoint,
            Cosignature = signature,
            CosignedNote = verified.Note.WithSignature(signature),
        };
    }
}
