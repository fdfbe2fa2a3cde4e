using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Notes;

/// <summary>Signed-note verification rules: unknown keys are ignored, a bad signature from a known key rejects the note, and at least one known key must have signed.</summary>
public static class NoteVerification
{
    /// <summary>Verifies a note against trusted keys and returns the signatures that verified.</summary>
    /// <exception cref="LedgerException">ForgedSignature when a known key's signature fails; UntrustedNote when no known key signed.</exception>
    public static IReadOnlyList<VerifiedSignature> Verify(SignedNote note, IEnumerable<NoteVerifier> trusted)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trusted);
        var keys = trusted.ToList();
        var verified = new List<VerifiedSignature>();
        foreach (var signature in note.Signatures)
        {
            var key = keys.Find(k => k.Matches(signature));
            if (key is null)
            {
                continue;
            }

            if (!key.Verify(note.Text, signature, out var timestamp))
            {
                throw new LedgerException(LedgerFailure.ForgedSignature, $"The signature by '{key.Name}' ({key.KeyId:x8}) does not verify: the note was altered or forged.");
            }

            if (!verified.Exists(v => v.Verifier == key))
            {
                verified.Add(new VerifiedSignature(key, timestamp));
            }
        }

        if (verified.Count == 0)
        {
            var names = string.Join(", ", keys.Select(k => $"{k.Name} ({k.KeyId:x8})"));
            throw new LedgerException(LedgerFailure.UntrustedNote, $"The note carries no signature by a trusted key; trusted: {names}.");
        }

        return verified;
    }
}
