using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// The expression of a MATCHES comparison. It starts on the interpreting engine, which is cheap to build, with a
/// match timeout. If an input ever makes it time out, the expression moves to the linear-time engine (costly to
/// build, immune to runaway backtracking) when that engine supports it; otherwise a timeout counts as no match.
/// </summary>
internal sealed class PatternRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly string expression;
    private Regex regex;
    private bool settled;

    private PatternRegex(string expression, Regex regex)
    {
        this.expression = expression;
        this.regex = regex;
    }

    public Regex Current => regex;

    public static bool TryCreate(string expression, [NotNullWhen(true)] out PatternRegex? result, [NotNullWhen(false)] out string? error)
    {
        try
        {
            result = new PatternRegex(expression, new Regex(expression, RegexOptions.CultureInvariant, MatchTimeout));
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            result = null;
            error = e.Message;
            return false;
        }
    }

    public bool IsMatch(string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException) when (!settled)
        {
            settled = true;
            try
            {
                regex = new Regex(expression, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (NotSupportedException)
            {
                return false;
            }

            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
