using Vigil.Correlation.Observables;
using Vigil.Correlation.Sources;

namespace Vigil.Correlation.Tests.Sources;

public sealed class SourceRegistryTests
{
    private static SourceRegistry Registry => RealSourceFiles.Registry;

    [Fact]
    public void Url_on_rt_gets_its_rating_and_russian_state_media_label()
    {
        var result = Registry.Lookup("https://www.RT.com/news/12345-story/?utm_source=x");
        var label = Assert.Single(result.StateMedia);
        Assert.Equal("Russia", label.Country);
        Assert.Equal("rt.com", result.StateMediaMatchedOn);
        Assert.Contains(result.Ratings, r => r.Provider == DomainQualityRatingsImporter.AggregateProvider && r.Score < 0.3);
    }

    [Fact]
    public void Subdomain_with_its_own_entry_matches_exactly()
    {
        var result = Registry.Lookup("https://de.rt.com/international/1/");
        Assert.Equal("de.rt.com", result.StateMediaMatchedOn);
        Assert.Equal("RT Deutsch", Assert.Single(result.StateMedia).Outlet);
        Assert.Equal("de.rt.com", result.RatingsMatchedOn);
        Assert.Equal(0.331420705717882, result.Ratings.Single(r => r.Score is not null).Score!.Value, 12);
    }

    [Fact]
    public void Subdomain_without_its_own_entry_uses_the_parent_for_each_kind_separately()
    {
        // shop.rt.com has no rating and no label of its own: both come from rt.com
        var result = Registry.Lookup("https://shop.rt.com/");
        Assert.Equal("rt.com", result.RatingsMatchedOn);
        Assert.Equal("rt.com", result.StateMediaMatchedOn);
    }

    [Fact]
    public void Unknown_subdomain_falls_back_to_its_registrable_domain()
    {
        var result = Registry.Lookup("video.reuters.com");
        Assert.Equal("reuters.com", result.RatingsMatchedOn);
        Assert.Equal(1.0, Assert.Single(result.Ratings).Score);
        Assert.Empty(result.StateMedia);
    }

    [Fact]
    public void Path_limited_rating_applies_only_under_its_path()
    {
        var news = Registry.Lookup("https://www.yahoo.com/news/some-story.html");
        var home = Registry.Lookup("https://www.yahoo.com/");
        Assert.All(news.Ratings, r => Assert.Equal("/news", r.PathPrefix));
        Assert.All(home.Ratings, r => Assert.Null(r.PathPrefix));
        Assert.NotEqual(news.Ratings[0].Score, home.Ratings[0].Score);
    }

    [Fact]
    public void Unrated_host_gives_an_empty_answer()
    {
        Assert.True(Registry.Lookup("https://nothing-here.example/").IsEmpty);
        Assert.True(Registry.Lookup("not a url at all").IsEmpty);
        Assert.True(Registry.Lookup("com").IsEmpty);
    }

    [Fact]
    public void Parent_beyond_the_registrable_domain_is_not_used()
    {
        var registry = new SourceRegistryBuilder(TestSuffixes.List)
            .AddRatings([new SourceRating { Provider = "P", Host = "co.uk", Score = 0.1 }])
            .Build();
        Assert.True(registry.Lookup("https://bbc.co.uk/").IsEmpty);
    }

    [Fact]
    public void Outlet_account_from_the_matrix_links_to_its_state_media_label()
    {
        var labels = Registry.LookupAccount(AccountNormalizer.Handle("instagram", "RT_PressOffice_"));
        Assert.Contains(labels, l => l.Outlet == "RT International" && l.Country == "Russia");
        Assert.Empty(Registry.LookupAccount(AccountNormalizer.Handle("instagram", "nobody_here_123")));
    }

    [Fact]
    public void Registry_holds_both_data_sets()
    {
        Assert.Equal(RealSourceFiles.Ratings.Items.Count, Registry.RatingCount);
        Assert.Equal(RealSourceFiles.StateMedia.Items.Count, Registry.StateMediaCount);
        Assert.True(Registry.HostCount > 11_000);
    }
}
