namespace Vigil.Detection.Results;

/// <summary>Progress of a detection run: stage <see cref="Index"/> of <see cref="Total"/>.</summary>
public readonly record struct DetectionStage(string Name, int Index, int Total);
