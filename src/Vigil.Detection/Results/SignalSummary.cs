namespace Vigil.Detection.Results;

/// <summary>What one signal saw and kept, including how often the hot-item cap applied.</summary>
public sealed record SignalSummary
{
    public required string Signal { get; init; }
    public required int WindowSeconds { get; init; }
    public required int MinCoActions { get; init; }
    public required long Occurrences { get; init; }
    public required int Items { get; init; }
    public required long CoActionSlots { get; init; }
    public required int CandidateEdges { get; init; }
    public required int SignificantEdges { get; init; }
    public required int ItemsCapped { get; init; }
    public required long PairsSkippedByCap { get; init; }
}
