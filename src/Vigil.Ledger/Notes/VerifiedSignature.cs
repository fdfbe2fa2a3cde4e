namespace Vigil.Ledger.Notes;

/// <summary>A signature that verified, by whom, and (for cosignatures) the time the signer stated.</summary>
public sealed record VerifiedSignature(NoteVerifier Verifier, DateTimeOffset? Timestamp);
