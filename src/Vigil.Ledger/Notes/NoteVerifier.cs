using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NSec.Cryptography;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Notes;

/// <summary>
/// A trusted public key for signed notes, in the C2SP verifier-key form <c>name+hash+base64(type ‖ public key)</c>,
/// where hash is the key ID in 8 lower-case hex digits. Type 0x01 verifies log signatures, 0x04 witness cosignatures.
/// </summary>
public sealed class NoteVerifier
{
    private const int PublicKeySize = 32;
    private const int SignatureSize = 64;
    private const int TimestampSize = 8;
    private readonly byte[] _publicKeyBytes;
    private readonly NSec.Cryptography.PublicKey _publicKey;

    /// <summary>A verifier for a raw 32-byte Ed25519 public key.</summary>
    public NoteVerifier(string name, NoteKeyType type, ReadOnlySpan<byte> publicKey)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Key name '{name}' is empty or holds a space or plus sign.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Signature type 0x{(byte)type:x2} is not supported; use 0x01 (Ed25519) or 0x04 (cosignature/v1).");
        }

        if (publicKey.Length != PublicKeySize
            || !NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var imported)
            || imported is null)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Key '{name}': not a valid {PublicKeySize}-byte Ed25519 public key.");
        }

        Name = name;
        Type = type;
        _publicKeyBytes = publicKey.ToArray();
        _publicKey = imported;
        KeyId = NoteKeyId.Compute(name, type, publicKey);
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The signature type.</summary>
    public NoteKeyType Type { get; }

    /// <summary>The key ID.</summary>
    public uint KeyId { get; }

    /// <summary>The raw Ed25519 public key.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKeyBytes;

    /// <summary>Parses a verifier key string; throws <see cref="LedgerException"/> (MalformedKey) saying what is wrong.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        verifierKey = verifierKey.Trim();

        // The name cannot hold '+', the key ID is 8 hex digits; the base64 key may itself contain '+'.
        var first = verifierKey.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : verifierKey.IndexOf('+', first + 1);
        if (first <= 0 || second < 0)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, "A verifier key is 'name+hash+base64key'.");
        }

        var (name, hash, key) = (verifierKey[..first], verifierKey[(first + 1)..second], verifierKey[(second + 1)..]);
        if (hash.Length != 8 || !uint.TryParse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId) || hash != hash.ToLowerInvariant())
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Verifier key '{name}': the key ID '{hash}' is not 8 lower-case hex digits.");
        }

        if (!StrictBase64.TryDecode(key, out var blob))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Verifier key '{name}': the key is not canonical base64.");
        }

        if (blob.Length != 1 + PublicKeySize)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Verifier key '{name}': the key is {blob.Length} bytes; expected a type byte and {PublicKeySize} bytes.");
        }

        var verifier = new NoteVerifier(name, (NoteKeyType)blob[0], blob.AsSpan(1));
        if (verifier.KeyId != keyId)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Verifier key '{name}': key ID {hash} does not match the key (expected {verifier.KeyId:x8}).");
        }

        return verifier;
    }

    /// <summary>The verifier key string, e.g. <c>example.com/log+1a2b3c4d+AU...</c>.</summary>
    public override string ToString()
    {
        var blob = new byte[1 + PublicKeySize];
        blob[0] = (byte)Type;
        _publicKeyBytes.CopyTo(blob, 1);
        return $"{Name}+{KeyId:x8}+{Convert.ToBase64String(blob)}";
    }

    /// <summary>True when this verifier is the key a signature line names (same name and key ID).</summary>
    public bool Matches(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.KeyName == Name && signature.KeyId == KeyId;
    }

    /// <summary>Verifies a signature line's bytes over the note text; for cosignatures also returns the signed timestamp.</summary>
    public bool Verify(string text, NoteSignature signature, out DateTimeOffset? timestamp)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        timestamp = null;
        var bytes = signature.Signature.Span;
        if (Type == NoteKeyType.Ed25519)
        {
            return bytes.Length == SignatureSize
                && SignatureAlgorithm.Ed25519.Verify(_publicKey, Encoding.UTF8.GetBytes(text), bytes);
        }

        if (bytes.Length != TimestampSize + SignatureSize)
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        if (seconds > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var message = CosignedMessage(text, seconds);
        if (!SignatureAlgorithm.Ed25519.Verify(_publicKey, message, bytes[TimestampSize..]))
        {
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        return true;
    }

    /// <summary>The cosignature/v1 signed message: header line, time line, then the whole checkpoint text.</summary>
    internal static byte[] CosignedMessage(string text, ulong seconds) =>
        Encoding.UTF8.GetBytes($"cosignature/v1\ntime {seconds.ToString(CultureInfo.InvariantCulture)}\n{text}");
}
