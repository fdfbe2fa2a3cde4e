using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Correlation.Sources;

namespace Vigil.Ads.Tests.Export;

public sealed class LandingPageLabelTests
{
    private static readonly SourceRegistry Registry = new SourceRegistryBuilder(PublicSuffixList.LoadDebian())
        .AddStateMedia([new StateMediaLabel
        {
            Host = "statenews.example", Outlet = "State News", Country = "RU", StateBody = "Ministry of Information", Control = StateControl.StateControlled,
            Provider = "test-provider",
        }])
        .AddRatings([new SourceRating { Provider = "test-ratings", Host = "statenews.example", Score = 0.1 }])
        .Build();

    private static JsonElement Written(Vigil.Ads.Model.Ad ad, ISourceLookup? sources)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AdJsonWriter.Write(writer, ad, AdField.All, sources);
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Landing_pages_carry_the_registrys_labels_and_unlabelled_ones_add_nothing()
    {
        var ad = TestAds.Valid() with { LandingUrls = ["https://www.statenews.example/vote?utm_source=ad", "https://neutral.example/"] };

        var labels = Written(ad, Registry).GetProperty("landing_page_labels").EnumerateArray().ToList();

        var only = Assert.Single(labels);
        Assert.Equal("https://www.statenews.example/vote?utm_source=ad", only.GetProperty("url").GetString());
        Assert.Equal("State News", only.GetProperty("state_media")[0].GetProperty("outlet").GetString());
        Assert.Equal(0.1, only.GetProperty("ratings")[0].GetProperty("score").GetDouble());
        Assert.False(Written(ad with { LandingUrls = ["https://neutral.example/"] }, Registry).TryGetProperty("landing_page_labels", out _));
        Assert.False(Written(ad, null).TryGetProperty("landing_page_labels", out _));
    }
}
