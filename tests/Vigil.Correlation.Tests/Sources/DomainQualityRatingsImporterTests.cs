using Vigil.Correlation.Sources;

namespace Vigil.Correlation.Tests.Sources;

public sealed class DomainQualityRatingsImporterTests
{
    [Fact]
    public void Real_file_imports_every_row()
    {
        var summary = RealSourceFiles.Ratings.Summary;
        Assert.Equal(11_520, summary.RowsRead);
        Assert.Equal(11_520, summary.Imported);
        Assert.Empty(summary.Issues);
    }

    [Fact]
    public void Real_file_gives_one_aggregate_rating_per_row_and_the_iffy_flags()
    {
        var items = RealSourceFiles.Ratings.Items;
        Assert.Equal(RealSourceFiles.Ratings.Summary.Imported, items.Count(r => r.Provider == DomainQualityRatingsImporter.AggregateProvider));
        Assert.Equal(1_388, items.Count(r => r.Provider == DomainQualityRatingsImporter.IffyProvider));
    }

    [Theory]
    [InlineData("reuters.com", 1.0, "5 high", false)]
    [InlineData("rt.com", 0.293277424671587, "2 low", true)]
    [InlineData("infowars.com", 0.0458475179096454, "1 very low", true)]
    [InlineData("cgtn.com", 0.568291215804543, "3 mixed", true)]
    [InlineData("nytimes.com", 0.858776290720608, "5 high", false)]
    public void Known_domains_have_their_published_scores(string host, double score, string band, bool iffy)
    {
        var ratings = RealSourceFiles.Ratings.Items.Where(r => r.Host == host).ToList();
        var aggregate = Assert.Single(ratings, r => r.Provider == DomainQualityRatingsImporter.AggregateProvider);
        Assert.Equal(score, aggregate.Score!.Value, 12);
        Assert.Equal(band, aggregate.Label);
        Assert.Equal(DomainQualityRatingsImporter.Evidence, aggregate.Evidence);
        Assert.Equal(new DateOnly(2023, 9, 1), aggregate.RatedOn);
        Assert.Equal(iffy, ratings.Any(r => r.Provider == DomainQualityRatingsImporter.IffyProvider));
    }

    [Fact]
    public void Domain_with_a_path_becomes_a_path_limited_rating()
    {
        var yahooNews = Assert.Single(RealSourceFiles.Ratings.Items, r => r.Host == "yahoo.com" && r.PathPrefix == "/news" && r.Score is not null);
        Assert.NotNull(yahooNews.Score);
    }

    [Fact]
    public void Non_ascii_dash_in_a_published_domain_is_kept_in_punycode() =>
        Assert.Contains(RealSourceFiles.Ratings.Items, r => r.Host == "xn--wvec13newsnow-ln6g.com");

    [Fact]
    public void Leading_www_is_dropped_from_the_one_www_row() =>
        Assert.Contains(RealSourceFiles.Ratings.Items, r => r.Host == "xinhuanet.com");

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_field_and_the_rest_is_imported()
    {
        const string csv = """
            domain,pc1,misinfome_bin
            good.example,0.5,1
            ,0.5,1
            bad-score.example,high,1
            out-of-range.example,1.5,1
            bad-flag.example,0.5,maybe
            also-good.example,0.1,0

            """;
        var result = await DomainQualityRatingsImporter.ImportAsync(new StringReader(csv), "test.csv");
        Assert.Equal(6, result.Summary.RowsRead);
        Assert.Equal(2, result.Summary.Imported);
        Assert.Equal(4, result.Summary.Skipped);
        Assert.Equal(
            ["line 3, field 'domain'", "line 4, field 'pc1'", "line 5, field 'pc1'", "line 6, field 'misinfome_bin'"],
            result.Summary.Issues.Select(i => i.ToString()[..i.ToString().IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(3, result.Items.Count);
    }

    [Fact]
    public async Task Missing_required_column_is_an_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => DomainQualityRatingsImporter.ImportAsync(new StringReader("domain,score\na.com,1\n"), "x.csv"));
        Assert.Contains("pc1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, "1 very low")]
    [InlineData(0.2, "2 low")]
    [InlineData(0.5999, "3 mixed")]
    [InlineData(0.6, "4 generally reliable")]
    [InlineData(1.0, "5 high")]
    public void Band_follows_the_suggested_five_step_scale(double score, string band) =>
        Assert.Equal(band, DomainQualityRatingsImporter.Band(score));
}
