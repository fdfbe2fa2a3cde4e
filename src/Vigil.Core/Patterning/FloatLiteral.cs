namespace Vigil.Core.Patterning;

public sealed record FloatLiteral(double Value) : PatternLiteral;
