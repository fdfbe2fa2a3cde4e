namespace Vigil.Core.Patterning;

/// <summary>A constant in a pattern.</summary>
public abstract record PatternLiteral;
