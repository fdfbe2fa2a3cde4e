namespace Vigil.Core.Patterning;

/// <summary><c>[ comparison ]</c>: matched by one observation.</summary>
public sealed record ObservationLeaf(ComparisonExpression Comparison, int Position) : ObservationExpression(Position);
