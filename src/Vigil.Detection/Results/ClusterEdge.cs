namespace Vigil.Detection.Results;

/// <summary>An edge inside a cluster with the shared items that produced it.</summary>
public sealed record ClusterEdge
{
    public required AccountEdge Edge { get; init; }
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }
}
