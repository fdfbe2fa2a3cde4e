using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Notes;

public sealed class CheckpointTests
{
    private static readonly MerkleHash Root = MerkleHasher.HashLeaf([1, 2, 3]);

    [Fact]
    public void Checkpoint_text_has_origin_size_and_base64_root_lines()
    {
        var checkpoint = new Checkpoint { Origin = "hub.example.org/log", Size = 20852163, RootHash = Root };
        Assert.Equal($"hub.example.org/log\n20852163\n{Root.ToBase64()}\n", checkpoint.ToText());
        var parsed = Checkpoint.Parse(checkpoint.ToText());
        Assert.Equal(checkpoint.Origin, parsed.Origin);
        Assert.Equal(checkpoint.Size, parsed.Size);
        Assert.Equal(Root, parsed.RootHash);
        Assert.Empty(parsed.Extensions);
    }

    [Fact]
    public void Extension_lines_are_kept()
    {
        var checkpoint = new Checkpoint { Origin = "o", Size = 0, RootHash = MerkleHasher.EmptyRoot, Extensions = ["ext one", "ext two"] };
        Assert.Equal(["ext one", "ext two"], Checkpoint.Parse(checkpoint.ToText()).Extensions);
    }

    [Theory]
    [InlineData("o\n1\n", "at least 3 lines")]
    [InlineData("\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "Line 1 (origin) is empty")]
    [InlineData("o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "Line 2 (tree size) '01'")]
    [InlineData("o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "Line 2 (tree size) '-1'")]
    [InlineData("o\n99999999999999999999\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "Line 2 (tree size)")]
    [InlineData("o\n1\nAAAA\n", "Line 3 (root hash)")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n", "Line 4 (extension) is empty")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "does not end with a newline")]
    public void Malformed_checkpoints_are_refused_naming_the_line(string text, string expected)
    {
        var error = Assert.Throws<LedgerException>(() => Checkpoint.Parse(text));
        Assert.Equal(LedgerFailure.MalformedCheckpoint, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_carrying_several_cosignatures_verifies_each_known_witness()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var log = TestLogs.LogKey();
        using var w1 = NoteSigner.FromSeed("witness.example/one", NoteKeyType.Cosignature, Enumerable.Repeat((byte)2, 32).ToArray(), time);
        using var w2 = NoteSigner.FromSeed("witness.example/two", NoteKeyType.Cosignature, Enumerable.Repeat((byte)3, 32).ToArray(), time);
        var text = new Checkpoint { Origin = TestLogs.Origin, Size = 5, RootHash = Root }.ToText();
        var note = new SignedNote { Text = text, Signatures = [log.Sign(text), w1.Sign(text), w2.Sign(text)] }.ToString();

        var verified = CheckpointVerifier.Verify(note, log.Verifier, [w1.Verifier, w2.Verifier]);
        Assert.Equal(5, verified.Checkpoint.Size);
        Assert.Equal(["witness.example/one", "witness.example/two"], verified.Cosignatures.Select(c => c.WitnessName));
        Assert.All(verified.Cosignatures, c => Assert.Equal(1_700_000_000, c.Timestamp.ToUnixTimeSeconds()));
    }

    [Fact]
    public void Cosignature_signs_the_cosignature_v1_message_with_its_timestamp()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_679_315_147));
        using var witness = NoteSigner.FromSeed("witness.example/w1", NoteKeyType.Cosignature, Enumerable.Repeat((byte)5, 32).ToArray(), time);
        const string text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        var signature = witness.Sign(text);
        Assert.Equal(8 + 64, signature.Signature.Length);
        Assert.Equal(1_679_315_147UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(signature.Signature.Span));

        // The Ed25519 signature covers "cosignature/v1\ntime <t>\n" followed by the checkpoint text.
        var message = System.Text.Encoding.UTF8.GetBytes("cosignature/v1\ntime 1679315147\n" + text);
        var publicKey = NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, witness.Verifier.PublicKey.Span, NSec.Cryptography.KeyBlobFormat.RawPublicKey);
        Assert.True(NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature.Signature.Span[8..]));
        Assert.True(witness.Verifier.Verify(text, signature, out var stamped));
        Assert.Equal(1_679_315_147, stamped!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void Forged_cosignature_of_a_known_witness_is_rejected()
    {
        using var log = TestLogs.LogKey();
        using var witness = TestLogs.WitnessKey("witness.example/one", 2);
        var text = new Checkpoint { Origin = TestLogs.Origin, Size = 5, RootHash = Root }.ToText();
        var otherText = new Checkpoint { Origin = TestLogs.Origin, Size = 6, RootHash = Root }.ToText();
        var note = new SignedNote { Text = text, Signatures = [log.Sign(text), witness.Sign(otherText)] }.ToString();
        var error = Assert.Throws<LedgerException>(() => CheckpointVerifier.Verify(note, log.Verifier, [witness.Verifier]));
        Assert.Equal(LedgerFailure.ForgedSignature, error.Failure);
        Assert.Contains("witness.example/one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_for_another_origin_is_refused()
    {
        using var log = TestLogs.LogKey();
        var text = new Checkpoint { Origin = "other.example/log", Size = 1, RootHash = Root }.ToText();
        var note = new SignedNote { Text = text, Signatures = [log.Sign(text)] }.ToString();
        var error = Assert.Throws<LedgerException>(() => CheckpointVerifier.Verify(note, log.Verifier));
        Assert.Equal(LedgerFailure.WrongOrigin, error.Failure);
    }

    [Fact]
    public void Checkpoint_signed_only_by_a_witness_is_untrusted()
    {
        using var log = TestLogs.LogKey();
        using var witness = TestLogs.WitnessKey("witness.example/one", 2);
        var text = new Checkpoint { Origin = TestLogs.Origin, Size = 1, RootHash = Root }.ToText();
        var note = new SignedNote { Text = text, Signatures = [witness.Sign(text)] }.ToString();
        var error = Assert.Throws<LedgerException>(() => CheckpointVerifier.Verify(note, log.Verifier, [witness.Verifier]));
        Assert.Equal(LedgerFailure.UntrustedNote, error.Failure);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
