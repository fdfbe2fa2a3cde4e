using System.Diagnostics.CodeAnalysis;
using Vigil.Core.Patterning.Syntax;

namespace Vigil.Core.Patterning;

/// <summary>Parses STIX 2.1 patterns (indicator <c>pattern_type</c> "stix").</summary>
public static class StixPatternParser
{
    /// <summary>Longest pattern accepted, in characters.</summary>
    public const int MaxLength = 1_000_000;

    /// <exception cref="StixPatternException">The pattern is invalid; <see cref="StixPatternException.Error"/> says what and where.</exception>
    public static StixPattern Parse(string pattern) =>
        TryParse(pattern, out var result, out var error) ? result : throw new StixPatternException(error);

    public static bool TryParse(string? pattern, [NotNullWhen(true)] out StixPattern? result, [NotNullWhen(false)] out PatternError? error)
    {
        result = null;
        if (pattern is null)
        {
            error = new PatternError("empty pattern at 0", 0, 1, 1);
            return false;
        }

        if (pattern.Length > MaxLength)
        {
            error = PatternError.At(pattern, MaxLength, $"pattern longer than {MaxLength} characters");
            return false;
        }

        var tokens = new List<Token>();
        if (!PatternLexer.TryLex(pattern, tokens, out error))
        {
            return false;
        }

        try
        {
            result = new StixPattern(new PatternParser(pattern, tokens).ParsePattern(), pattern);
            error = null;
            return true;
        }
        catch (StixPatternException e)
        {
            error = e.Error;
            return false;
        }
    }
}
