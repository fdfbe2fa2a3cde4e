using CsCheck;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Notes;

public sealed class NotePropertyTests
{
    [Fact]
    public void Any_signed_text_round_trips_and_any_single_character_change_is_caught()
    {
        using var key = TestLogs.LogKey("prop.example/log");
        var line = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789 /+=-é"].Array[1, 40].Select(c => new string(c));
        line.Array[1, 6].SelectMany(lines => Gen.Int[0, 1000].Select(position => (lines, position)))
            .Sample(t =>
            {
                var text = string.Join('\n', t.lines) + "\n";
                var note = new SignedNote { Text = text, Signatures = [key.Sign(text)] }.ToString();
                var parsed = SignedNote.Parse(note);
                if (parsed.Text != text || NoteVerification.Verify(parsed, [key.Verifier]).Count != 1)
                {
                    return false;
                }

                var i = t.position % (text.Length - 1);
                var altered = text[..i] + (text[i] == 'x' ? 'y' : 'x') + text[(i + 1)..];
                if (altered == text)
                {
                    return true;
                }

                var forged = SignedNote.Parse(altered + note[text.Length..]);
                try
                {
                    NoteVerification.Verify(forged, [key.Verifier]);
                    return false;
                }
                catch (LedgerException e)
                {
                    return e.Failure == LedgerFailure.ForgedSignature;
                }
            }, iter: 200);
    }
}
