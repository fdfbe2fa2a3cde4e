using System.Text.Json;
using Vigil.Detection.Reporting;
using Vigil.Detection.Synthetic;

namespace Vigil.Detection.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigil-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Report_json_carries_summary_and_cluster_accounts_and_html_draws_svg()
    {
        var data = new ActivityGenerator(new GeneratorOptions { OrganicActivities = 20_000, OrganicAccounts = 1_000, TrendingItems = 5 }).Generate();
        var result = DetectionEngine.Run(data.Table, new DetectionOptions());

        await ReportWriter.WriteAsync(result, _directory);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "report.json")));
        var summary = json.RootElement.GetProperty("summary");
        foreach (var name in new[] { "activities", "accounts", "edges", "components", "clusters" })
        {
            Assert.True(summary.TryGetProperty(name, out _), $"summary.{name} missing");
        }

        var clusters = json.RootElement.GetProperty("clusters");
        Assert.True(clusters.GetArrayLength() > 0);
        Assert.Equal(summary.GetProperty("clusters").GetInt32(), clusters.GetArrayLength());
        Assert.All(clusters.EnumerateArray(), c => Assert.True(c.GetProperty("accounts").GetArrayLength() >= 3));
        var firstEdge = clusters[0].GetProperty("edges")[0];
        Assert.True(firstEdge.GetProperty("evidence").GetArrayLength() > 0, "edges carry the shared items behind them");

        var html = await File.ReadAllTextAsync(Path.Combine(_directory, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<circle", html, StringComparison.Ordinal);
        Assert.Contains("<line", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_input_gives_the_same_report()
    {
        var options = new GeneratorOptions { OrganicActivities = 20_000, OrganicAccounts = 1_000, TrendingItems = 5 };
        var first = ReportWriter.ToJson(DetectionEngine.Run(new ActivityGenerator(options).Generate().Table, new DetectionOptions()));
        var second = ReportWriter.ToJson(DetectionEngine.Run(new ActivityGenerator(options).Generate().Table, new DetectionOptions()));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task CooRTweet_mode_report_counts_match_the_network()
    {
        var read = await Vigil.Detection.Reading.ActivityReaders.ReadAsync(
            Vigil.Testing.SharedData.Path("coordination", "russian_coord_tweets.csv.gz"), new Vigil.Detection.Reading.ReadOptions());
        var result = DetectionEngine.Run(read.Table, new DetectionOptions { CooRTweet = new() { WindowSeconds = 60, MinParticipation = 5 } });

        Assert.Equal((35125L, 772, 1193, 1), (result.Summary.Activities, result.Summary.Accounts, result.Summary.Edges, result.Summary.Components));
        Assert.NotEmpty(result.Clusters);
        Assert.All(result.Clusters.Take(3), c => Assert.NotEmpty(c.Edges[0].Evidence));
    }
}
