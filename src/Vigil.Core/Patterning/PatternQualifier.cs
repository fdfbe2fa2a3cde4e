namespace Vigil.Core.Patterning;

/// <summary>A qualifier that follows an observation expression.</summary>
public abstract record PatternQualifier;
