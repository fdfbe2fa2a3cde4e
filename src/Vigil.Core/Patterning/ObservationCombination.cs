namespace Vigil.Core.Patterning;

/// <summary>Two or more observation expressions joined by one observation operator (AND, OR, FOLLOWEDBY), left to right.</summary>
public sealed record ObservationCombination(ObservationOperator Operator, IReadOnlyList<ObservationExpression> Operands, int Position)
    : ObservationExpression(Position);
