namespace Vigil.Detection.Results;

/// <summary>An account in a cluster with its account-level signals.</summary>
public sealed record ClusterAccount
{
    public required string Id { get; init; }
    public string? Handle { get; init; }
    public string? Platform { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? Location { get; init; }
    public required int Activities { get; init; }
    public required int Degree { get; init; }
    public required IReadOnlyList<string> Flags { get; init; }
}
