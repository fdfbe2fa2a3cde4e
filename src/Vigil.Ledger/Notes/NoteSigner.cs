using System.Buffers.Binary;
using System.Text;
using NSec.Cryptography;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Notes;

/// <summary>
/// An Ed25519 signing key for signed notes: the log's checkpoint key (type 0x01) or a witness's cosigning key
/// (type 0x04, which signs with a timestamp). Private keys travel as <c>PRIVATE+KEY+name+hash+base64(type ‖ seed)</c>.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private const string PrivatePrefix = "PRIVATE+KEY+";
    private const int SeedSize = 32;
    private readonly Key _key;
    private readonly TimeProvider _time;

    private NoteSigner(string name, NoteKeyType type, Key key, TimeProvider time)
    {
        _key = key;
        _time = time;
        Verifier = new NoteVerifier(name, type, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The matching verifier (publish <c>Verifier.ToString()</c> as the verifier key).</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>The key name.</summary>
    public string Name => Verifier.Name;

    /// <summary>Generates a new key.</summary>
    public static NoteSigner Generate(string name, NoteKeyType type = NoteKeyType.Ed25519, TimeProvider? time = null)
    {
        CheckName(name);
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteSigner(name, type, key, time ?? TimeProvider.System);
    }

    /// <summary>A signer from a 32-byte Ed25519 seed (RFC 8032 private key).</summary>
    public static NoteSigner FromSeed(string name, NoteKeyType type, ReadOnlySpan<byte> seed, TimeProvider? time = null)
    {
        CheckName(name);
        if (seed.Length != SeedSize)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Key '{name}': an Ed25519 seed is {SeedSize} bytes, not {seed.Length}.");
        }

        var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteSigner(name, type, key, time ?? TimeProvider.System);
    }

    /// <summary>Parses a private key string; throws <see cref="LedgerException"/> (MalformedKey) without echoing the secret.</summary>
    public static NoteSigner FromPrivateKey(string privateKey, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var trimmed = privateKey.Trim();
        if (!trimmed.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"A private key starts with '{PrivatePrefix}'.");
        }

        var rest = trimmed[PrivatePrefix.Length..];
        var first = rest.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : rest.IndexOf('+', first + 1);
        if (first <= 0 || second < 0)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, "A private key is 'PRIVATE+KEY+name+hash+base64key'.");
        }

        string[] parts = [rest[..first], rest[(first + 1)..second], rest[(second + 1)..]];
        if (!StrictBase64.TryDecode(parts[2], out var blob))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Private key '{parts[0]}': the key is not canonical base64.");
        }

        if (blob.Length != 1 + SeedSize || !Enum.IsDefined((NoteKeyType)blob[0]))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Private key '{parts[0]}': expected a type byte (0x01 or 0x04) and a {SeedSize}-byte seed.");
        }

        var signer = FromSeed(parts[0], (NoteKeyType)blob[0], blob.AsSpan(1), time);
        if (parts[1] != signer.Verifier.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture))
        {
            signer.Dispose();
            throw new LedgerException(LedgerFailure.MalformedKey, $"Private key '{parts[0]}': the key ID does not match the key.");
        }

        return signer;
    }

    /// <summary>The private key string. Keep it secret.</summary>
    public string ToPrivateKey()
    {
        var blob = new byte[1 + SeedSize];
        blob[0] = (byte)Verifier.Type;
        _key.Export(KeyBlobFormat.RawPrivateKey).CopyTo(blob, 1);
        return $"{PrivatePrefix}{Name}+{Verifier.KeyId:x8}+{Convert.ToBase64String(blob)}";
    }

    /// <summary>Signs note text (which must end in a newline). A cosigning key stamps the current time.</summary>
    public NoteSignature Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new LedgerException(LedgerFailure.MalformedNote, "Note text must end with a newline.");
        }

        byte[] signature;
        if (Verifier.Type == NoteKeyType.Ed25519)
        {
            signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(text));
        }
        else
        {
            var seconds = (ulong)_time.GetUtcNow().ToUnixTimeSeconds();
            signature = new byte[8 + 64];
            BinaryPrimitives.WriteUInt64BigEndian(signature, seconds);
            SignatureAlgorithm.Ed25519.Sign(_key, NoteVerifier.CosignedMessage(text, seconds), signature.AsSpan(8));
        }

        return new NoteSignature { KeyName = Name, KeyId = Verifier.KeyId, Signature = signature };
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    private static void CheckName(string name)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"Key name '{name}' is empty or holds a space or plus sign.");
        }
    }
}
