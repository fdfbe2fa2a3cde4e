using System.Text.RegularExpressions;

namespace Vigil.Core.Patterning;

/// <summary><c>object-type:path [NOT] operator value</c>.</summary>
public sealed record PropertyComparison : ComparisonExpression
{
    public PropertyComparison(ObjectPath path, ComparisonOperator @operator, bool negated, PatternLiteral value, int position)
        : this(path, @operator, negated, value, position, null)
    {
    }

    internal PropertyComparison(ObjectPath path, ComparisonOperator @operator, bool negated, PatternLiteral value, int position, Evaluation.PatternRegex? regex)
        : base(position)
    {
        Path = path;
        Operator = @operator;
        Negated = negated;
        Value = value;
        if (regex is null && @operator == ComparisonOperator.Matches && value is StringLiteral expression)
        {
            Evaluation.PatternRegex.TryCreate(expression.Value, out regex, out var error);
            _ = regex ?? throw new ArgumentException($"invalid regular expression: {error}", nameof(value));
        }

        MatchesExpression = regex;
        ObjectTypes = [path.ObjectType];
    }

    public ObjectPath Path { get; }

    public ComparisonOperator Operator { get; }

    /// <summary>True when the operator was preceded by NOT.</summary>
    public bool Negated { get; }

    public PatternLiteral Value { get; }

    /// <summary>The expression of a MATCHES comparison (null for other operators).</summary>
    public Regex? Regex => MatchesExpression?.Current;

    internal Evaluation.PatternRegex? MatchesExpression { get; }

    public override IReadOnlyList<string> ObjectTypes { get; }
}
