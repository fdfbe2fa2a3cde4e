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
            if (char.IsLetterOrDigit(c) || c is '#' or '@')
            {
                if (pendingSpace)
                {
                    destination[length++] = ' ';
                    pendingSpace = false;
                }

                destination[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                pendingSpace = length > 0;
            }
        }

        return length;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
