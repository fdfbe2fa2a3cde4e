namespace Vigil.Ads.Synthetic;

/// <summary>Size and seed of a generated archive. The same options always give the same advertisers and ads.</summary>
public sealed record SyntheticAdOptions
{
    public int Seed { get; init; } = 20261129;
    public int Advertisers { get; init; } = 50_000;
    public int Ads { get; init; } = 1_000_000;

    /// <summary>Reference "now": deliveries end before it, except about one ad in ten still running.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
}
