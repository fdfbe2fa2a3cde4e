using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Vigil.Storage.Objects;

/// <summary>The opaque <c>next</c> token: the last returned seq, base64url-encoded with a version tag.</summary>
public static class PageCursor
{
    private const string Prefix = "v1.";

    public static string Encode(long seq) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + seq.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? token, out long seq)
    {
        seq = 0;
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
