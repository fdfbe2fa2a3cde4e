using Vigil.Detection.Synthetic;
using Xunit.Abstractions;

namespace Vigil.Detection.Tests.Synthetic;

public sealed class PlantedNetworkDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Planted_networks_are_found_with_high_precision_and_recall_at_default_settings()
    {
        var data = new ActivityGenerator(new GeneratorOptions()).Generate();

        var result = DetectionEngine.Run(data.Table, new DetectionOptions());
        var quality = DetectionQuality.Measure(result, data.Truth);
        output.WriteLine(quality.ToString());
        foreach (var signal in result.Signals)
        {
            output.WriteLine(signal.ToString());
        }

        Assert.True(quality.Precision >= 0.95, quality.ToString());
        Assert.True(quality.Recall >= 0.95, quality.ToString());
    }

    [Fact]
    public void Trending_crowd_that_shares_by_chance_is_not_flagged()
    {
        var data = new ActivityGenerator(new GeneratorOptions { TrendingItems = 80, TrendingSharesPerItem = 800 }).Generate();

        var result = DetectionEngine.Run(data.Table, new DetectionOptions());
        var quality = DetectionQuality.Measure(result, data.Truth);
        output.WriteLine(quality.ToString());

        Assert.True(data.Truth.TrendingCrowd.Count > 1000, "the generator should have produced a large trending crowd");
        Assert.Equal(0, quality.TrendingFlagged);
    }

    [Fact]
    public void Network_with_few_actions_per_signal_is_found_by_combining_signals()
    {
        var options = new GeneratorOptions { Networks = new GeneratorOptions().Networks.Select(n => n with { Actions = 12 }).ToList() };
        var data = new ActivityGenerator(options).Generate();

        var result = DetectionEngine.Run(data.Table, new DetectionOptions());
        var quality = DetectionQuality.Measure(result, data.Truth);
        var mixed = data.Truth.Networks.Single(n => n.Network.Style == NetworkStyle.Mixed).Accounts;
        var flagged = result.Clusters.SelectMany(c => c.Accounts).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"{quality}; mixed network found {mixed.Count(flagged.Contains)}/{mixed.Count}");

        Assert.True(mixed.Count(flagged.Contains) >= 0.95 * mixed.Count, $"mixed network: {mixed.Count(flagged.Contains)}/{mixed.Count}");
        Assert.True(quality.Precision >= 0.95, quality.ToString());
        Assert.Equal(0, quality.TrendingFlagged);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(0.4)]
    [InlineData(0.6)]
    [InlineData(0.8)]
    public void Quality_degrades_gracefully_with_noise(double noise)
    {
        var data = new ActivityGenerator(new GeneratorOptions { Noise = noise }).Generate();

        var quality = DetectionQuality.Measure(DetectionEngine.Run(data.Table, new DetectionOptions()), data.Truth);
        output.WriteLine($"noise {noise:F1}: {quality}");

        Assert.True(quality.Precision >= 0.9, $"noise {noise}: {quality}");
        Assert.True(quality.Recall >= (noise <= 0.6 ? 0.95 : 0.8), $"noise {noise}: {quality}");
    }
}
