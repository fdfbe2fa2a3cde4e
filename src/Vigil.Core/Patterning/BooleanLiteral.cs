namespace Vigil.Core.Patterning;

public sealed record BooleanLiteral(bool Value) : PatternLiteral;
