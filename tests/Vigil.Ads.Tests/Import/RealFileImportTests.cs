using Vigil.Ads.Import;

namespace Vigil.Ads.Tests.Import;

public sealed class RealFileImportTests
{
    [Fact]
    public async Task Meta_cz_csv_imports_all_667_ads_with_the_published_pages_bylines_and_ranges()
    {
        var items = await TestAds.ImportFileAsync("meta-adlib-cz-2023.csv", new AdImportOptions { ReachedCountries = ["CZ"] });

        Assert.Equal(667, items.Count);
        Assert.Empty(items.Where(i => !i.Accepted).Select(i => $"row {i.Row}: {string.Join("; ", i.Problems)}"));
        var ads = items.Select(i => i.Ad!).ToList();
        Assert.Equal(667, ads.Select(a => a.Id).Distinct().Count());
        Assert.Equal(375, ads.Count(a => a.PageName == "Generál Pavel"));
        Assert.Equal(292, ads.Count(a => a.PageName == "Tomáš Zima"));
        var bylines = ads.GroupBy(a => a.Byline!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, bylines.Count);
        Assert.Equal(302, bylines["Petr Pavel"]);
        Assert.Equal(292, bylines["ZFP s.r.o"]);
        Assert.Equal(73, bylines["Pro bezpečnou budoucnost z.s."]);
        Assert.All(ads, a => Assert.Equal("CZK", a.Currency));
        Assert.All(ads, a => Assert.Equal(["CZ"], a.ReachedCountries));
        Assert.All(ads, a => Assert.NotNull(a.DeliveryStop));
        Assert.Equal(23, ads.Count(a => a.Languages.Count == 0));
        Assert.Equal(307, ads.Count(a => a.EstimatedAudienceSize is { Upper: null }));
        Assert.Equal(58, ads.Count(a => a.Demographics.Count == 0 && a.Regions.Count == 0));
        Assert.Equal(49999, ads.Max(a => a.Spend!.Value.Upper));
        Assert.Equal(new DateTimeOffset(2022, 7, 9, 0, 0, 0, TimeSpan.Zero), ads.Min(a => a.DeliveryStart));
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 0, 0, 0, TimeSpan.Zero), ads.Max(a => a.DeliveryStop));
        Assert.Contains(ads, a => a.PublisherPlatforms.SequenceEqual(["FACEBOOK", "INSTAGRAM"]));
        Assert.All(ads.Where(a => a.Demographics.Count > 0), a => Assert.InRange(a.Demographics.Sum(d => d.Share), 0.996, 1.004));
        Assert.All(ads.Where(a => a.Regions.Count > 0), a => Assert.InRange(a.Regions.Sum(r => r.Share), 0.898, 1.0031));
        Assert.Contains(ads, a => a.Regions.Any(r => r.Region == "Ústí nad Labem Region"));
        Assert.Contains(ads, a => a.CreativeBodies.Count == 1 && a.CreativeBodies[0].Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snap_csv_imports_all_659_ads_with_exact_spend_currencies_and_countries()
    {
        var items = await TestAds.ImportFileAsync("snap-political-ads-2018.csv");

        Assert.Equal(659, items.Count);
        Assert.Empty(items.Where(i => !i.Accepted).Select(i => $"row {i.Row}: {string.Join("; ", i.Problems)}"));
        var ads = items.Select(i => i.Ad!).ToList();
        Assert.All(ads, a => Assert.Equal("snapchat", a.Platform));
        Assert.All(ads, a => Assert.True(a.Spend!.Value.IsExact));
        Assert.Equal(744_802, ads.Sum(a => a.Spend!.Value.Lower));
        var currencies = ads.GroupBy(a => a.Currency!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(511, currencies["USD"]);
        Assert.Equal(77, currencies["EUR"]);
        Assert.Equal(35, currencies["GBP"]);
        Assert.Equal(30, currencies["CAD"]);
        Assert.Equal(6, currencies["AUD"]);
        Assert.Equal(498, ads.Count(a => a.ReachedCountries.SequenceEqual(["US"])));
        Assert.Equal(36, ads.Count(a => a.ReachedCountries.SequenceEqual(["GB"])));
        Assert.Equal(26, ads.Count(a => a.ReachedCountries.SequenceEqual(["DK"])));
        Assert.Equal(67, ads.Count(a => a.DeliveryStop is null));
        Assert.Equal(64, ads.Count(a => a.Byline == "NextGen America"));
        Assert.Equal(120, ads.Select(a => a.Byline).Distinct().Count());
        var first = ads.Single(a => a.Id == "00f8fa37d86e1e841a6abbf2aa8411604883eb6bdc7aee74d3509acb877b8f2d");
        Assert.Equal("Voter Participation Center", first.Byline);
        Assert.Equal(37, first.Spend!.Value.Lower);
        Assert.Equal(7917, first.Impressions!.Value.Upper);
        Assert.Equal(new DateTimeOffset(2018, 10, 1, 22, 0, 57, TimeSpan.Zero), first.DeliveryStart);
        Assert.Contains(new Model.TargetingCriterion("Gender", "FEMALE"), first.Targeting);
        Assert.Contains(new Model.TargetingCriterion("Regions", "Minnesota"), first.Targeting);
        Assert.Contains(new Model.TargetingCriterion("Language", "en,es"), first.Targeting);
        Assert.Empty(first.Languages);
        Assert.StartsWith("https://www.voterparticipation.org/register-to-vote-today/", first.LandingUrls.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_api_v5_response_reads_older_singular_fields_and_takes_the_id_from_the_snapshot_url()
    {
        var items = await TestAds.ImportFileAsync("meta-adlib-api-response-v5.json", new AdImportOptions { ReachedCountries = ["US"] });

        var ad = Assert.Single(items).Ad;
        Assert.NotNull(ad);
        Assert.Equal("2487345651520779", ad.Id);
        Assert.Equal("Rishi Kumar", ad.Byline);
        Assert.StartsWith("A personal story of an Atherton resident", ad.CreativeBodies.Single(), StringComparison.Ordinal);
        Assert.Equal("Atherton resident supports Rishi Kumar for Congress", ad.LinkTitles.Single());
        Assert.Equal("fb.com", ad.LinkCaptions.Single());
        Assert.Empty(ad.LinkDescriptions);
        Assert.Equal(new Model.Bounds(0, 99), ad.Spend);
        Assert.Equal(new Model.Bounds(0, 999), ad.Impressions);
        Assert.Equal("USD", ad.Currency);
        Assert.Equal("393656900730519", ad.PageId);
        Assert.Equal(new DateTimeOffset(2019, 12, 3, 22, 3, 18, TimeSpan.Zero), ad.DeliveryStart);
        Assert.Equal(new DateTimeOffset(2020, 3, 3, 22, 3, 6, TimeSpan.Zero), ad.DeliveryStop);
        Assert.Null(ad.EstimatedAudienceSize);
        Assert.Empty(ad.Languages);
    }

    [Theory]
    [InlineData("meta-adlib-cz-2023.csv", AdFileFormat.MetaCsv)]
    [InlineData("snap-political-ads-2018.csv", AdFileFormat.SnapCsv)]
    [InlineData("meta-adlib-api-response-v5.json", AdFileFormat.MetaJson)]
    public void Format_is_detected_from_the_first_line(string file, AdFileFormat expected)
    {
        var path = Vigil.Testing.SharedData.Path("ads", file);
        Assert.True(File.Exists(path), $"Shared ad data file missing: {path}");
        using var reader = new StreamReader(path);
        Assert.Equal(expected, AdImporter.Detect(reader.ReadLine()!));
    }
}
