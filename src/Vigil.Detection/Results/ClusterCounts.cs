namespace Vigil.Detection.Results;

public sealed record ClusterCounts
{
    public required int Accounts { get; init; }
    public required int Edges { get; init; }
    public required long Activities { get; init; }
    public required long CoActions { get; init; }
    public required int SharedItems { get; init; }
}
