using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Verification;

/// <summary>What a witness produced for a checkpoint: the new state to keep, its cosignature, and the checkpoint note carrying it.</summary>
public sealed record WitnessResult
{
    public required LogState State { get; init; }

    public required Checkpoint Checkpoint { get; init; }

    public required NoteSignature Cosignature { get; init; }

    /// <summary>The log's note with the witness's cosignature line added, ready to send back to the log.</summary>
    public required SignedNote CosignedNote { get; init; }
}
