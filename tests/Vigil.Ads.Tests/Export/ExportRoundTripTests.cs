using Vigil.Ads.Export;
using Vigil.Ads.Import;
using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Synthetic;

namespace Vigil.Ads.Tests.Export;

public sealed class ExportRoundTripTests
{
    private static readonly Ad Rich = TestAds.Valid("42") with
    {
        CreativeBodies = ["First, \"quoted\"\nbody", "Second body"],
        LinkTitles = ["Title"],
        LandingUrls = ["https://example.org/a"],
        Topics = ["health"],
        Demographics = [new("18-24", "female", 0.25), new("18-24", "male", 0.75)],
        Regions = [new("Ústí nad Labem Region", 0.9)],
        EstimatedAudienceSize = new Bounds(1000, null),
        PublisherPlatforms = ["FACEBOOK", "INSTAGRAM"],
        CreatedAt = new DateTimeOffset(2025, 12, 30, 13, 14, 15, TimeSpan.Zero),
    };

    private static string Canonical(Ad ad)
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            AdJsonWriter.Write(w, ad, AdField.All);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Csv_export_imports_back_to_the_same_ads()
    {
        var ads = new SyntheticAdGenerator(new SyntheticAdOptions { Advertisers = 20, Ads = 200 }).Ads().Prepend(Rich).ToList();
        using var stream = new MemoryStream();

        Assert.Equal(201, await AdCsvWriter.WriteAsync(ads, stream, CancellationToken.None));
        stream.Position = 0;
        var items = await TestAds.ImportAsync(stream);

        Assert.All(items, i => Assert.True(i.Accepted, string.Join("; ", i.Problems)));
        Assert.Equal(ads.Select(a => Canonical(a with { AdvertiserId = null })), items.Select(i => Canonical(i.Ad!)));
    }

    [Fact]
    public async Task Json_lines_export_imports_back_to_the_same_ads()
    {
        var ads = new SyntheticAdGenerator(new SyntheticAdOptions { Advertisers = 20, Ads = 200 }).Ads().Prepend(Rich).ToList();
        using var stream = new MemoryStream();

        await AdJsonLinesWriter.WriteAsync(ads, stream, CancellationToken.None);
        stream.Position = 0;
        var items = await TestAds.ImportAsync(stream, new AdImportOptions { Format = AdFileFormat.Auto });

        Assert.All(items, i => Assert.True(i.Accepted, string.Join("; ", i.Problems)));
        Assert.Equal(ads.Select(Canonical), items.Select(i => Canonical(i.Ad!)));
    }
}
