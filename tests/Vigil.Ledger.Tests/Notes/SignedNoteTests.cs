using Vigil.Ledger.Errors;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Notes;

public sealed class SignedNoteTests
{
    // The example key and note of golang.org/x/mod/sumdb/note, which C2SP signed-note describes.
    private const string PeterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string PeterPrivateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string PeterText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSignature = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void Signing_the_reference_text_with_the_reference_key_gives_the_reference_note()
    {
        using var signer = NoteSigner.FromPrivateKey(PeterPrivateKey);
        Assert.Equal(PeterKey, signer.Verifier.ToString());
        var note = new SignedNote { Text = PeterText, Signatures = [signer.Sign(PeterText)] };
        Assert.Equal(PeterText + "\n" + PeterSignature, note.ToString());
        Assert.Equal(PeterPrivateKey, signer.ToPrivateKey());
    }

    [Fact]
    public void Reference_note_verifies_with_the_reference_verifier_key()
    {
        var note = SignedNote.Parse(PeterText + "\n" + PeterSignature);
        var verified = NoteVerification.Verify(note, [NoteVerifier.Parse(PeterKey)]);
        Assert.Equal("PeterNeumann", Assert.Single(verified).Verifier.Name);
        Assert.Equal(PeterText, note.Text);
    }

    [Theory]
    [InlineData(PeterKey)]
    [InlineData("EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop")]
    [InlineData("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6")]
    [InlineData("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2")]
    public void Published_verifier_keys_parse_and_format_back_byte_for_byte(string key)
    {
        Assert.Equal(key, NoteVerifier.Parse(key).ToString());
    }

    [Fact]
    public void Cosigner_key_is_type_0x04_and_its_id_covers_the_type_byte()
    {
        var verifier = NoteVerifier.Parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        Assert.Equal(NoteKeyType.Cosignature, verifier.Type);
        Assert.Equal(0xda77ade7u, verifier.KeyId);
        Assert.NotEqual(verifier.KeyId, NoteKeyId.Compute(verifier.Name, NoteKeyType.Ed25519, verifier.PublicKey.Span));
    }

    [Theory]
    [InlineData("PeterNeumann", "name+hash+base64key")]
    [InlineData("PeterNeumann+c74f20a3", "name+hash+base64key")]
    [InlineData("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "lower-case hex")]
    [InlineData("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "lower-case hex")]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "base64")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegw xbzhKqiBfsVkmqq/LDE4izWy10TW", "base64")]
    [InlineData("PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "base64")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "space")]
    public void Malformed_verifier_keys_are_refused_saying_what_is_wrong(string key, string expected)
    {
        var error = Assert.Throws<LedgerException>(() => NoteVerifier.Parse(key));
        Assert.Equal(LedgerFailure.MalformedKey, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Altered_text_is_rejected_as_forged()
    {
        var altered = SignedNote.Parse(PeterText.Replace("cryptography", "cryptographi", StringComparison.Ordinal) + "\n" + PeterSignature);
        var error = Assert.Throws<LedgerException>(() => NoteVerification.Verify(altered, [NoteVerifier.Parse(PeterKey)]));
        Assert.Equal(LedgerFailure.ForgedSignature, error.Failure);
    }

    [Fact]
    public void Altered_signature_is_rejected_as_forged()
    {
        var altered = SignedNote.Parse(PeterText + "\n" + PeterSignature.Replace("SffcvIAQ", "SffcvIAR", StringComparison.Ordinal));
        var error = Assert.Throws<LedgerException>(() => NoteVerification.Verify(altered, [NoteVerifier.Parse(PeterKey)]));
        Assert.Equal(LedgerFailure.ForgedSignature, error.Failure);
    }

    [Fact]
    public void Note_signed_by_another_key_is_untrusted()
    {
        using var other = TestLogs.LogKey("PeterNeumann", seed: 9);
        var note = new SignedNote { Text = PeterText, Signatures = [other.Sign(PeterText)] };
        var error = Assert.Throws<LedgerException>(() => NoteVerification.Verify(SignedNote.Parse(note.ToString()), [NoteVerifier.Parse(PeterKey)]));
        Assert.Equal(LedgerFailure.UntrustedNote, error.Failure);
        Assert.Contains("no signature by a trusted key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_signatures_are_ignored_and_every_known_one_is_checked()
    {
        using var log = TestLogs.LogKey();
        using var w1 = TestLogs.WitnessKey("witness.example/one", 2);
        using var w2 = TestLogs.WitnessKey("witness.example/two", 3);
        using var stranger = TestLogs.LogKey("stranger.example", 4);
        const string text = "hub.example.org/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        var note = new SignedNote { Text = text, Signatures = [stranger.Sign(text), log.Sign(text), w1.Sign(text), w2.Sign(text)] };
        var parsed = SignedNote.Parse(note.ToString());
        Assert.Equal(4, parsed.Signatures.Count);
        var verified = NoteVerification.Verify(parsed, [log.Verifier, w1.Verifier, w2.Verifier]);
        Assert.Equal(["hub.example.org/log", "witness.example/one", "witness.example/two"], verified.Select(v => v.Verifier.Name));
        Assert.All(verified.Skip(1), v => Assert.NotNull(v.Timestamp));
    }

    [Theory]
    [InlineData("text\n— a AAAAAAAAAAAA\n", "no blank line")]
    [InlineData("text\n\n", "no signature lines")]
    [InlineData("text\n\n— a AAAAAAAAAAAA", "does not end with a newline")]
    [InlineData("text\n\n- a AAAAAAAAAAAA\n", "em dash")]
    [InlineData("text\n\n— a b AAAAAAAAAAAA\n", "is not '— <key name> <base64 signature>'")]
    [InlineData("text\n\n— a+b AAAAAAAAAAAA\n", "plus sign")]
    [InlineData("text\n\n— a AAAA*AAAAAAA\n", "not canonical base64")]
    [InlineData("text\n\n— a AAAAAA==\n", "shorter than a key ID")]
    [InlineData("te\txt\n\n— a AAAAAAAAAAAA\n", "control character U+0009 at offset 2")]
    public void Malformed_notes_are_refused_saying_what_and_where(string note, string expected)
    {
        var error = Assert.Throws<LedgerException>(() => SignedNote.Parse(note));
        Assert.Equal(LedgerFailure.MalformedNote, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        byte[] bytes = [0x61, 0xff, 0x0a, 0x0a];
        var error = Assert.Throws<LedgerException>(() => SignedNote.Parse(bytes));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_may_hold_blank_lines_and_the_last_one_separates_the_signatures()
    {
        using var key = TestLogs.LogKey("a.example");
        const string text = "one\n\ntwo\n";
        var note = new SignedNote { Text = text, Signatures = [key.Sign(text)] };
        var parsed = SignedNote.Parse(note.ToString());
        Assert.Equal(text, parsed.Text);
        Assert.Single(NoteVerification.Verify(parsed, [key.Verifier]));
    }

    [Fact]
    public void Private_keys_round_trip_and_bad_ones_are_refused_without_echoing_the_secret()
    {
        using var key = NoteSigner.Generate("gen.example/log");
        using var again = NoteSigner.FromPrivateKey(key.ToPrivateKey());
        Assert.Equal(key.Verifier.ToString(), again.Verifier.ToString());
        var bad = Assert.Throws<LedgerException>(() => NoteSigner.FromPrivateKey("PRIVATE+KEY+gen.example/log+00000000+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"));
        Assert.Equal(LedgerFailure.MalformedKey, bad.Failure);
        Assert.DoesNotContain("AYEKFALV", bad.Message, StringComparison.Ordinal);
    }
}
