namespace Vigil.Core.Patterning.Evaluation;

/// <summary>SQL-style LIKE: <c>%</c> matches any run of characters, <c>_</c> exactly one; the whole value must match.</summary>
internal static class LikeMatcher
{
    public static bool IsMatch(string value, string pattern, bool ignoreCase)
    {
        int v = 0, p = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '%')
            {
                starP = p++;
                starV = v;
            }
            else if (p < pattern.Length && (pattern[p] == '_' || Same(value[v], pattern[p], ignoreCase)))
            {
                v++;
                p++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '%')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) => a == b || (ignoreCase && TextFold.Fold(a) == TextFold.Fold(b));
}
