namespace Vigil.Correlation.Extraction;

/// <summary>
/// One <c>object-type:property.path = 'value'</c> comparison found in a STIX pattern. <see cref="Observation"/> numbers the
/// bracketed observation expression the term sits in, so terms about the same object (an account's login and its type) can be paired.
/// </summary>
public readonly record struct PatternEqualityTerm(string ObjectType, string PropertyPath, string Value, int Observation, int Position);
