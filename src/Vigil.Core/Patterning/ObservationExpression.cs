namespace Vigil.Core.Patterning;

/// <summary>A node of the observation level of a pattern: a bracketed comparison, a combination or a qualified expression.</summary>
public abstract record ObservationExpression(int Position);
