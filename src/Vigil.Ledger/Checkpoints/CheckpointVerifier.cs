using Vigil.Ledger.Errors;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Checkpoints;

/// <summary>Opens a signed checkpoint: the format, the log's signature, the origin, and any known witnesses' cosignatures.</summary>
public static class CheckpointVerifier
{
    /// <summary>Verifies a signed checkpoint note.</summary>
    /// <param name="note">The note as served at <c>/checkpoint</c>.</param>
    /// <param name="logKey">The log's verifier key (type 0x01).</param>
    /// <param name="witnesses">Witness verifier keys (type 0x04) whose cosignatures to check; others are ignored.</param>
    /// <param name="expectedOrigin">The origin the checkpoint must carry; defaults to the log key's name.</param>
    /// <exception cref="LedgerException">Malformed, unsigned, forged or for another log.</exception>
    public static VerifiedCheckpoint Verify(string note, NoteVerifier logKey, IReadOnlyList<NoteVerifier>? witnesses = null, string? expectedOrigin = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var signed = SignedNote.Parse(note);
        return Verify(signed, logKey, witnesses, expectedOrigin);
    }

    /// <inheritdoc cref="Verify(string, NoteVerifier, IReadOnlyList{NoteVerifier}?, string?)"/>
    public static VerifiedCheckpoint Verify(SignedNote note, NoteVerifier logKey, IReadOnlyList<NoteVerifier>? witnesses = null, string? expectedOrigin = null)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(logKey);
        if (logKey.Type != NoteKeyType.Ed25519)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"The log key '{logKey.Name}' must be an Ed25519 (0x01) key.");
        }

        // The log's own signature first: a checkpoint is worthless without it, whatever witnesses say.
        NoteVerification.Verify(note, [logKey]);
        var checkpoint = Checkpoint.Parse(note.Text);
        var origin = expectedOrigin ?? logKey.Name;
        if (checkpoint.Origin != origin)
        {
            throw new LedgerException(LedgerFailure.WrongOrigin, $"The checkpoint is for log '{checkpoint.Origin}', not '{origin}'.");
        }

        var cosignatures = new List<Cosignature>();
        foreach (var witness in witnesses ?? [])
        {
            foreach (var signature in note.Signatures)
            {
                if (!witness.Matches(signature))
                {
                    continue;
                }

                if (!witness.Verify(note.Text, signature, out var timestamp) || timestamp is null)
                {
                    throw new LedgerException(LedgerFailure.ForgedSignature, $"The cosignature by witness '{witness.Name}' ({witness.KeyId:x8}) does not verify.");
                }

                cosignatures.Add(new Cosignature(witness.Name, witness.KeyId, timestamp.Value));
                break;
            }
        }

        return new VerifiedCheckpoint { Checkpoint = checkpoint, Note = note, Cosignatures = cosignatures };
    }
}
