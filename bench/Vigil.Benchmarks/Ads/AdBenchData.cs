using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Ads.Synthetic;

namespace Vigil.Benchmarks.Ads;

/// <summary>Generated archives for the ad benchmarks (50,000 advertisers as in the target; ads scaled by the parameter).</summary>
internal static class AdBenchData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<Ad> Ads(int count) =>
        new SyntheticAdGenerator(new SyntheticAdOptions { Ads = count, Advertisers = Math.Min(50_000, Math.Max(100, count / 20)), Now = Now }).Ads().ToList();

    public static InMemoryAdArchive Archive(List<Ad> ads)
    {
        var archive = new InMemoryAdArchive();
        foreach (var ad in ads)
        {
            archive.Save(ad);
        }

        // The first search builds the index; measure searches, not the build.
        _ = archive.SearchAsync(new AdsArchiveQuery(), Now, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return archive;
    }
}
