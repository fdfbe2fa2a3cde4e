using Vigil.Detection.Reading;
using Vigil.Detection.Results;

namespace Vigil.Cli.Detect;

/// <summary>What a detect run read (per file) and found.</summary>
public sealed record DetectRun(IReadOnlyList<(string File, ActivityReadResult Read)> Reads, DetectionResult Result);
