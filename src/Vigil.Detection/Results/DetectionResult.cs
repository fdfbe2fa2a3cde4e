namespace Vigil.Detection.Results;

/// <summary>
/// The engine's output: summary counts, how edges were judged, per-signal figures, every kept
/// edge and the ranked clusters with their evidence. Exporters (JSON, HTML, STIX) read only this.
/// </summary>
public sealed record DetectionResult
{
    public required DetectionSummary Summary { get; init; }
    /// <summary>How edges were kept (null model or CooRTweet compatibility), in words.</summary>
    public required string Method { get; init; }
    public required IReadOnlyList<SignalSummary> Signals { get; init; }
    public required IReadOnlyList<DetectedCluster> Clusters { get; init; }
    public required IReadOnlyList<AccountEdge> Edges { get; init; }
    /// <summary>Flagged accounts per account-level signal, over all accounts read.</summary>
    public required IReadOnlyDictionary<string, int> AccountSignalCounts { get; init; }
    public DateTimeOffset? FirstActivity { get; init; }
    public DateTimeOffset? LastActivity { get; init; }
}
