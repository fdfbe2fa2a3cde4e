namespace Vigil.Core.Stix.Validation;

/// <summary>Why an indicator pattern was refused, and the character position in the pattern where it went wrong.</summary>
public sealed record PatternProblem(string Message, int Position);
