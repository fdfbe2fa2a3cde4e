namespace Vigil.Detection.Results;

/// <summary>
/// A community of the coordination network, with everything a person needs to check it. Ranked by
/// <see cref="Score"/>: mean edge strength per account, scaled by density and by how many distinct
/// signals agree, plus a bonus for account-level signals (creation bursts, handle patterns, off-hour posting).
/// </summary>
public sealed record DetectedCluster
{
    public required int Id { get; init; }
    public required int Rank { get; init; }
    public required double Score { get; init; }
    public required int Component { get; init; }
    /// <summary>Account ids (as read), for comparison by script.</summary>
    public required IReadOnlyList<string> Accounts { get; init; }
    public required IReadOnlyList<ClusterAccount> AccountDetails { get; init; }
    public required ClusterCounts Counts { get; init; }
    public required IReadOnlyList<SignalStrength> StrongestSignals { get; init; }
    public required IReadOnlyList<ClusterEdge> Edges { get; init; }
    public required IReadOnlyList<SharedItem> SharedItems { get; init; }
    public required IReadOnlyList<TimelineBin> Timeline { get; init; }
    public required DateTimeOffset FirstActivity { get; init; }
    public required DateTimeOffset LastActivity { get; init; }
}
