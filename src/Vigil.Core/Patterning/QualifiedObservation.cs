namespace Vigil.Core.Patterning;

/// <summary>An observation expression restricted by a qualifier (WITHIN, REPEATS, START/STOP).</summary>
public sealed record QualifiedObservation(ObservationExpression Inner, PatternQualifier Qualifier, int Position)
    : ObservationExpression(Position);
