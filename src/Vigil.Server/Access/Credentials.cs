using System.Text;

namespace Vigil.Server.Access;

/// <summary>What an <c>Authorization</c> header carries: a user name and password (Basic) or an API key (Bearer or Basic).</summary>
public readonly record struct Credentials(string? UserName, string Secret)
{
    /// <summary>Parses <c>Basic base64(user:secret)</c> or <c>Bearer secret</c>; anything else is not credentials.</summary>
    public static bool TryParse(string header, out Credentials credentials)
    {
        credentials = default;
        ArgumentNullException.ThrowIfNull(header);
        var value = header.AsSpan().Trim();
        var space = value.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var scheme = value[..space];
        var parameter = value[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            if (parameter.IsEmpty)
            {
                return false;
            }

            credentials = new Credentials(null, parameter.ToString());
            return true;
        }

        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || parameter.Length > 4096)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[parameter.Length];
        if (!Convert.TryFromBase64Chars(parameter, decoded, out var length))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(decoded[..length]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        credentials = new Credentials(text[..colon], text[(colon + 1)..]);
        return true;
    }
}
