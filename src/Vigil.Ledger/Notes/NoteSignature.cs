using System.Buffers.Binary;

namespace Vigil.Ledger.Notes;

/// <summary>One signature line of a signed note: <c>— name base64(keyID ‖ signature)</c>.</summary>
public sealed record NoteSignature
{
    /// <summary>The signer's key name.</summary>
    public required string KeyName { get; init; }

    /// <summary>The 32-bit key ID.</summary>
    public required uint KeyId { get; init; }

    /// <summary>The signature bytes after the key ID (for cosignatures: 8-byte timestamp then the Ed25519 signature).</summary>
    public required ReadOnlyMemory<byte> Signature { get; init; }

    /// <summary>The line as it appears in the note, with its final newline.</summary>
    public string ToLine()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.Span.CopyTo(bytes.AsSpan(4));
        return $"— {KeyName} {Convert.ToBase64String(bytes)}\n";
    }
}
