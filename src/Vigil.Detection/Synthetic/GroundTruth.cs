namespace Vigil.Detection.Synthetic;

/// <summary>Which accounts the generator planted in which network, and which organic accounts joined trending items.</summary>
public sealed record GroundTruth
{
    public required IReadOnlyList<(PlantedNetwork Network, IReadOnlyList<string> Accounts)> Networks { get; init; }
    public required IReadOnlySet<string> TrendingCrowd { get; init; }
}
