namespace Vigil.Core.Stix.Validation;

/// <summary>A well-formedness check for RFC 5646 language tags (en, en-US, zh-Hant-TW, x-private), without registry lookups.</summary>
internal static class LanguageTag
{
    public static bool IsWellFormed(ReadOnlySpan<char> tag)
    {
        if (tag.IsEmpty || tag.Length > 100)
        {
            return false;
        }

        var first = true;
        var privateUse = false;
        foreach (var range in tag.Split('-'))
        {
            var part = tag[range];
            if (part.IsEmpty || part.Length > 8 || !IsAlphaNumeric(part))
            {
                return false;
            }

            if (first)
            {
                // Primary language: 2-8 letters, or the private-use/grandfathered singletons x and i.
                if (part is "x" or "X" or "i" or "I")
                {
                    privateUse = true;
                }
                else if (part.Length < 2 || !IsAlpha(part))
                {
                    return false;
                }

                first = false;
            }
            else if (!privateUse && part is "x" or "X")
            {
                privateUse = true;
            }
        }

        return true;
    }

    private static bool IsAlpha(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphaNumeric(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
