namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// The one case folding used for case-insensitive comparison and for index keys: each UTF-16 unit lowered with the
/// invariant culture. Using the same function in both places is what keeps the index from missing a match.
/// </summary>
internal static class TextFold
{
    public static char Fold(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);

    public static bool Equal(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && Fold(a[i]) != Fold(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var difference = Fold(a[i]) - Fold(b[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return a.Length - b.Length;
    }

    public static string Apply(string text)
    {
        var i = 0;
        while (i < text.Length && Fold(text[i]) == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                span[j] = Fold(source[j]);
            }
        });
    }
}
