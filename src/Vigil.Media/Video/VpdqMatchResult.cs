namespace Vigil.Media.Video;

/// <summary>
/// Outcome of comparing two vPDQ hashes: the percentage of the query's distinct good-quality frames
/// that have a match in the target, and the same the other way round.
/// </summary>
public sealed record VpdqMatchResult(double QueryMatchPercent, double TargetMatchPercent, int QueryFrames, int TargetFrames, bool IsMatch);
