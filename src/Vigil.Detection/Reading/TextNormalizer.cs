namespace Vigil.Detection.Reading;

/// <summary>
/// Normalizes post text for matching: drops a leading "RT @handle:", URLs, and case; keeps letters,
/// digits, '#' and '@' and collapses everything else to single spaces.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var buffer = new char[text.Length];
        return new string(buffer, 0, Normalize(text, buffer));
    }

    /// <summary>Writes the normalized text into <paramref name="destination"/> (at least as long as the input) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        var span = text.Trim();
        if (span.StartsWith("RT @", StringComparison.Ordinal))
        {
            var colon = span.IndexOf(':');
            if (colon > 0)
            {
                span = span[(colon + 1)..];
            }
        }

        var length = 0;
        var pendingSpace = false;
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if ((c == 'h' || c == 'H') && IsUrlStart(span[i..]))
            {
                while (i < span.Length && !char.IsWhiteSpace(span[i]))
                {
                    i++;
                }

                pendingSpace = length > 0;
                continue;
            }

            i++;
            var kept = c < 128 ? AsciiTable[c] : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
            if (kept != '\0')
            {
                if (pendingSpace)
                {
                    destination[length++] = ' ';
                    pendingSpace = false;
                }

                destination[length++] = kept;
            }
            else
            {
                pendingSpace = length > 0;
            }
        }

        return length;
    }

    // ASCII characters kept (letters lowered, digits, '#', '@'); 0 for separators.
    private static readonly char[] AsciiTable = BuildAscii();

    private static char[] BuildAscii()
    {
        var table = new char[128];
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            table[c] = char.IsLetterOrDigit(ch) || ch is '#' or '@' ? char.ToLowerInvariant(ch) : '\0';
        }

        return table;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
