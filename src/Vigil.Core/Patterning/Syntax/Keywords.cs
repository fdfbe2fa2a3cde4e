namespace Vigil.Core.Patterning.Syntax;

internal static class Keywords
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "LAST", "IN",
        "START", "STOP", "SECONDS", "WITHIN", "REPEATS", "TIMES", "true", "false",
    };

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET",
    };

    public static bool IsReserved(string word) => Reserved.Contains(word);

    public static bool IsOperator(string word) => Operators.Contains(word);
}
