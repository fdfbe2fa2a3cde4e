namespace Vigil.Correlation.Extraction;

/// <summary>A value that was found but could not be normalized: where it was (<see cref="Path"/>) and why.</summary>
public sealed record ExtractionProblem(string Path, string Message);
