using System.Globalization;
using Vigil.Correlation.PublicSuffix;

namespace Vigil.Correlation.Observables;

/// <summary>
/// Normalizes host names: trims one trailing dot, refangs <c>[.]</c>, folds fullwidth forms, lowercases, converts IDN labels to punycode (keeping the
/// Unicode form), checks label syntax, finds the registrable domain through the Public Suffix List and flags punycode,
/// mixed-script and confusable names. Underscores are allowed (they occur in real host names). Thread-safe.
/// </summary>
public sealed class DomainNormalizer(PublicSuffixList suffixes)
{
    public PublicSuffixList Suffixes { get; } = suffixes;

    public NormalizedDomain Normalize(string input) =>
        TryNormalize(input, out var domain, out var error) ? domain : throw new ObservableFormatException(ObservableKind.Domain, input, error);

    public bool TryNormalize(string input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NormalizedDomain? domain, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        domain = null;
        var flags = ObservableFlags.None;
        var text = input.Trim();
        if (text.Contains('[', StringComparison.Ordinal) || text.Contains('(', StringComparison.Ordinal))
        {
            var refanged = text.Replace("[.]", ".", StringComparison.Ordinal).Replace("(.)", ".", StringComparison.Ordinal).Replace("[dot]", ".", StringComparison.OrdinalIgnoreCase);
            if (!ReferenceEquals(refanged, text) && refanged != text)
            {
                flags |= ObservableFlags.Defanged;
                text = refanged;
            }
        }

        if (text.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        if (text[^1] == '.')
        {
            text = text[..^1];
        }

        if (!IsLowerAscii(text))
        {
            text = FoldFullwidth(text).ToLowerInvariant().Replace('。', '.').Replace('｡', '.');
        }

        string ascii;
        if (System.Text.Ascii.IsValid(text))
        {
            ascii = text;
        }
        else
        {
            try
            {
                ascii = new IdnMapping().GetAscii(text);
            }
            catch (ArgumentException e)
            {
                error = "not a valid internationalized name (" + e.Message + ")";
                return false;
            }
        }

        if (!CheckSyntax(ascii, out error))
        {
            return false;
        }

        var unicode = ascii;
        if (ascii.StartsWith("xn--", StringComparison.Ordinal) || ascii.Contains(".xn--", StringComparison.Ordinal))
        {
            flags |= ObservableFlags.Punycode;
            try
            {
                unicode = new IdnMapping().GetUnicode(ascii);
            }
            catch (ArgumentException e)
            {
                error = "a punycode label does not decode (" + e.Message + ")";
                return false;
            }
        }

        string? skeleton = null;
        if (!ReferenceEquals(unicode, ascii))
        {
            foreach (var range in unicode.AsSpan().Split('.'))
            {
                if (Confusables.IsMixedScript(unicode.AsSpan()[range]))
                {
                    flags |= ObservableFlags.MixedScript;
                }
            }

            var candidate = Confusables.Skeleton(unicode);
            if (!ReferenceEquals(candidate, unicode) && candidate != unicode)
            {
                flags |= ObservableFlags.Confusable;
                skeleton = candidate;
            }
        }

        var match = Suffixes.Match(ascii);
        if (!match.Listed)
        {
            flags |= ObservableFlags.UnlistedSuffix;
        }

        domain = new NormalizedDomain
        {
            Host = ascii,
            Unicode = unicode,
            PublicSuffix = ascii[match.SuffixStart..],
            RegistrableDomain = match.RegistrableStart < 0 ? null : ascii[match.RegistrableStart..],
            Flags = flags,
            Skeleton = skeleton,
        };
        return true;
    }

    /// <summary>Lowercase ASCII letters, digits, '-', '_' in labels of 1–63 characters, 253 characters at most, not all digits.</summary>
    internal static bool CheckSyntax(string ascii, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (ascii.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        if (ascii.Length > 253)
        {
            error = "the name is longer than 253 characters";
            return false;
        }

        var labelLength = 0;
        var labelIndex = 1;
        var allDigitsOrDots = true;
        for (var i = 0; i < ascii.Length; i++)
        {
            var c = ascii[i];
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    error = $"label {labelIndex} is empty";
                    return false;
                }

                labelLength = 0;
                labelIndex++;
                continue;
            }

            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                error = $"character '{c}' at position {i + 1} is not allowed in a host name";
                return false;
            }

            allDigitsOrDots &= c is >= '0' and <= '9';
            if (++labelLength > 63)
            {
                error = $"label {labelIndex} is longer than 63 characters";
                return false;
            }
        }

        if (labelLength == 0)
        {
            error = $"label {labelIndex} is empty";
            return false;
        }

        if (allDigitsOrDots)
        {
            error = "the name is numeric (an IP address is not a domain)";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Maps fullwidth ASCII forms (U+FF01–U+FF5E, e.g. <c>ｅｘａｍｐｌｅ</c>) to ASCII, as IDNA's UTS 46 mapping does; the
    /// invariant-globalization IdnMapping does not apply that mapping itself.
    /// </summary>
    private static string FoldFullwidth(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFF01', '\uFF5E'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    private static bool IsLowerAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }
}
