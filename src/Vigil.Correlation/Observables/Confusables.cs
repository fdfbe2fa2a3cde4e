namespace Vigil.Correlation.Observables;

/// <summary>
/// A small confusable table: Cyrillic, Greek and unusual Latin letters that look like plain Latin ones, after the idea
/// of Unicode TR39 skeletons. Enough to catch the common homoglyph domains (<c>раураl.com</c>), not the full TR39 data.
/// </summary>
public static class Confusables
{
    /// <summary>The Latin look-alike of one character, or the character itself.</summary>
    public static char Skeleton(char c) => c switch
    {
        // Cyrillic
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'у' => 'y', 'х' => 'x', 'і' => 'i', 'ј' => 'j',
        'ѕ' => 's', 'һ' => 'h', 'ԁ' => 'd', 'ԛ' => 'q', 'ԝ' => 'w', 'ӏ' => 'l', 'ь' => 'b', 'к' => 'k', 'ѵ' => 'v',
        'ү' => 'y', 'ɡ' => 'g', 'ғ' => 'f', 'ո' => 'n', 'ք' => 'p', 'ԍ' => 'g',

        // Greek
        'α' => 'a', 'ο' => 'o', 'ρ' => 'p', 'ν' => 'v', 'ι' => 'i', 'κ' => 'k', 'υ' => 'u', 'χ' => 'x', 'ϲ' => 'c',
        'ε' => 'e', 'τ' => 't', 'γ' => 'y', 'ϳ' => 'j', 'ω' => 'w', 'η' => 'n',

        // Latin look-alikes outside ASCII
        'ı' => 'i', 'ɑ' => 'a', 'ℓ' => 'l', 'ɩ' => 'i', 'ʏ' => 'y', 'ᴏ' => 'o', 'ѡ' => 'w',
        _ => c,
    };

    /// <summary>The skeleton of a string; returns the input itself when nothing maps.</summary>
    public static string Skeleton(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && Skeleton(text[i]) == text[i])
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
                span[j] = Skeleton(source[j]);
            }
        });
    }

    /// <summary>Whether one dot-separated label mixes letters of Latin, Cyrillic and Greek script.</summary>
    public static bool IsMixedScript(ReadOnlySpan<char> label)
    {
        var seen = Script.None;
        foreach (var c in label)
        {
            seen |= Classify(c);
        }

        return seen is not (Script.None or Script.Latin or Script.Cyrillic or Script.Greek);
    }

    private static Script Classify(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' => Script.Latin,
        >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        _ => Script.None,
    };

    [Flags]
    private enum Script
    {
        None = 0,
        Latin = 1,
        Cyrillic = 2,
        Greek = 4,
    }
}
