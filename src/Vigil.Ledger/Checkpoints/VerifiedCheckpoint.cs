using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Checkpoints;

/// <summary>A checkpoint whose log signature verified, with the note it came in and the cosignatures of known witnesses that verified.</summary>
public sealed record VerifiedCheckpoint
{
    /// <summary>The checkpoint body.</summary>
    public required Checkpoint Checkpoint { get; init; }

    /// <summary>The signed note as received.</summary>
    public required SignedNote Note { get; init; }

    /// <summary>Verified cosignatures by the witnesses the caller trusts.</summary>
    public required IReadOnlyList<Cosignature> Cosignatures { get; init; }
}
