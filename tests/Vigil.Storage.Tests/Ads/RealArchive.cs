using Vigil.Ads.Import;
using Vigil.Ads.Model;
using Vigil.Testing;

namespace Vigil.Storage.Tests.Ads;

/// <summary>The three published archive files in shared/data/ads, imported as the importer reads them (every row is accepted).</summary>
internal static class RealArchive
{
    private static readonly Lazy<Task<List<Ad>>> All = new(LoadAsync);

    public static Task<List<Ad>> AdsAsync() => All.Value;

    private static async Task<List<Ad>> LoadAsync()
    {
        var ads = new List<Ad>();
        (string File, string[] Countries)[] files =
        [
            ("meta-adlib-cz-2023.csv", ["CZ"]),
            ("snap-political-ads-2018.csv", []),
            ("meta-adlib-api-response-v5.json", ["US"]),
        ];
        foreach (var (file, countries) in files)
        {
            var path = SharedData.Path("ads", file);
            Assert.True(File.Exists(path), $"Shared ad data file missing: {path}");
            await using var stream = File.OpenRead(path);
            await foreach (var item in new AdImporter().ImportAsync(stream, new AdImportOptions { ReachedCountries = countries }))
            {
                Assert.True(item.Accepted, $"{file} row {item.Row}: {string.Join("; ", item.Problems)}");
                ads.Add(item.Ad!);
            }
        }

        return ads;
    }
}
