namespace Vigil.Core.Stix.Validation;

/// <summary>Checks the syntax of a STIX pattern (<c>pattern_type</c> "stix"); returns null when it is valid.</summary>
public delegate PatternProblem? PatternCheck(string pattern);
