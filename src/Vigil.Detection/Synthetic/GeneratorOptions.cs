namespace Vigil.Detection.Synthetic;

/// <summary>Settings of <see cref="ActivityGenerator"/>. Noise (0..1) weakens the planted networks and adds cover activity.</summary>
public sealed record GeneratorOptions
{
    public int Seed { get; init; } = 7;
    public int OrganicAccounts { get; init; } = 5_000;
    public int OrganicActivities { get; init; } = 100_000;
    public int Days { get; init; } = 14;
    /// <summary>Items (posts, links) that go viral: many organic accounts share each within an hour or so.</summary>
    public int TrendingItems { get; init; } = 40;
    public int TrendingSharesPerItem { get; init; } = 400;
    public double Noise { get; init; } = 0.2;
    public bool WithText { get; init; } = true;

    public IReadOnlyList<PlantedNetwork> Networks { get; init; } =
    [
        new(40, NetworkStyle.Reshare),
        new(25, NetworkStyle.Link),
        new(15, NetworkStyle.CopyPasta),
        new(12, NetworkStyle.Hashtag),
        new(10, NetworkStyle.Media),
        new(30, NetworkStyle.Mixed),
        new(5, NetworkStyle.Reshare),
    ];
}
