namespace Vigil.Core.Patterning;

/// <summary>A parsed STIX 2.1 pattern: the observation expression tree and the text it came from.</summary>
public sealed record StixPattern(ObservationExpression Root, string Text)
{
    /// <summary>The pattern in canonical form (one space between tokens, parentheses only where needed).</summary>
    public override string ToString() => PatternFormatter.Format(Root);
}
