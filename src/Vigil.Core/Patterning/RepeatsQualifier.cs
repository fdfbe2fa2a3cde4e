namespace Vigil.Core.Patterning;

/// <summary><c>REPEATS n TIMES</c>: the expression is matched by n disjoint sets of observations.</summary>
public sealed record RepeatsQualifier(int Count) : PatternQualifier;
