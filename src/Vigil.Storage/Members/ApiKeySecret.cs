using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage.Members;

/// <summary>
/// API key secrets: 32 random bytes shown once as <c>vgl_</c> + base64url; stored as HMAC-SHA256 under the server
/// pepper. A fast keyed hash suffices because the secret has 256 bits of entropy: there is nothing to guess.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "vgl_";
    private const int SecretBytes = 32;
    private static readonly int EncodedLength = Prefix.Length + Base64Url.GetEncodedLength(SecretBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Whether the text has the shape of a key (prefix and length), checked before any hashing or lookup.</summary>
    public static bool LooksLikeKey(ReadOnlySpan<char> text) =>
        text.Length == EncodedLength && text.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Hash(ReadOnlySpan<char> secret, ReadOnlySpan<byte> pepper)
    {
        Span<byte> utf8 = Encoding.UTF8.GetMaxByteCount(secret.Length) <= 256 ? stackalloc byte[256] : new byte[Encoding.UTF8.GetMaxByteCount(secret.Length)];
        var length = Encoding.UTF8.GetBytes(secret, utf8);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(pepper, utf8[..length], mac);
        return Convert.ToHexStringLower(mac);
    }
}
