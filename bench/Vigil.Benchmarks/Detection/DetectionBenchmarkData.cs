using Vigil.Detection.Synthetic;

namespace Vigil.Benchmarks.Detection;

/// <summary>Synthetic activity of a given size, generated at run time (organic, trending and planted networks, with text).</summary>
internal static class DetectionBenchmarkData
{
    public static GeneratedActivity Generate(int activities) => new ActivityGenerator(new GeneratorOptions
    {
        Seed = 11,
        OrganicActivities = activities,
        OrganicAccounts = Math.Max(5_000, activities / 20),
        Days = 14,
        TrendingItems = 40,
        TrendingSharesPerItem = Math.Max(400, activities / 200),
    }).Generate();
}
