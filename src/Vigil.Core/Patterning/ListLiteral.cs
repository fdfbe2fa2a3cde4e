namespace Vigil.Core.Patterning;

/// <summary><c>('a', 'b')</c>, the right-hand side of IN.</summary>
public sealed record ListLiteral(IReadOnlyList<PatternLiteral> Items) : PatternLiteral;
