namespace Vigil.Core.Patterning;

public sealed record IntegerLiteral(long Value) : PatternLiteral;
