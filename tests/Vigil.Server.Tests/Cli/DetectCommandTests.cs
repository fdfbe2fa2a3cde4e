using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Spectre.Console;
using Vigil.Cli;
using Vigil.Cli.Detect;
using Vigil.Core.Stix.Validation;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;
using Vigil.Testing;

namespace Vigil.Server.Tests.Cli;

/// <summary><c>vigil detect</c> run in-process: a root command holding the detect command, with a captured console.</summary>
public sealed class DetectCommandTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-detect-");

    private string Out => Path.Combine(_directory.FullName, "out");

    private static string Russian()
    {
        var path = SharedData.Path("coordination", "russian_coord_tweets.csv.gz");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The shared coordination data {path} is missing; this test needs it.", path);
    }

    private static async Task<(int Code, string Output)> RunAsync(HttpMessageHandler? handler, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 250;
        var root = new RootCommand { DetectCommand.Create(console, handler) };
        var code = await root.Parse(["detect", .. args]).InvokeAsync();
        return (code, output.ToString());
    }

    /// <summary>Three accounts resharing six objects within seconds: one CooRTweet cluster.</summary>
    private async Task<string> SmallCoordinatedFileAsync()
    {
        var path = Path.Combine(_directory.FullName, "small.csv");
        var lines = new List<string> { "object_id,account_id,content_id,timestamp_share" };
        for (var item = 0; item < 6; item++)
        {
            foreach (var (account, offset) in new[] { ("x", 0), ("y", 2), ("z", 4) })
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"o{item},{account},{account}{item},{1_700_000_000 + (item * 3600) + offset}"));
            }
        }

        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static async Task<JsonObject> ReadJsonAsync(string path) => (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;

    [Fact]
    public void Vigil_command_line_has_the_detect_command() =>
        Assert.Contains(VigilCommandLine.Create().Subcommands, c => c.Name == "detect");

    [Fact]
    public async Task Russian_tweets_in_CooRTweet_mode_give_CooRTweet_counts_and_a_valid_bundle()
    {
        var (code, output) = await RunAsync(null, Russian(), "--out", Out, "--window", "60", "--min-participation", "5", "--platform", "twitter");

        Assert.True(code == 0, output);
        var summary = (await ReadJsonAsync(Path.Combine(Out, "report.json")))["summary"]!;
        Assert.Equal((772, 1193, 1), ((int)summary["accounts"]!, (int)summary["edges"]!, (int)summary["components"]!));
        Assert.Equal(35125, (int)summary["activities"]!);
        Assert.True(File.Exists(Path.Combine(Out, "report.html")));

        var bundle = await ReadJsonAsync(Path.Combine(Out, DetectRunner.BundleFileName));
        var validation = StixValidator.ValidateEnvelope(bundle);
        Assert.True(validation.IsValid, string.Join("\n", validation.AllErrors().Take(10)));
        var objects = ((JsonArray)bundle["objects"]!).OfType<JsonObject>().ToList();
        Assert.Equal(772, objects.Count(o => (string?)o["type"] == "user-account"));
        Assert.Equal((int)summary["clusters"]!, objects.Count(o => (string?)o["type"] == "campaign"));
        Assert.Contains(objects, o => (string?)o["type"] == "report");

        Assert.Matches(@"accounts \(in the network\)\s*│\s*772", output);
        Assert.Matches(@"edges\s*│\s*1,193", output);
        Assert.Matches(@"components\s*│\s*1\b", output);
    }

    [Fact]
    public async Task Publish_stores_the_bundle_in_a_hub_collection_readable_by_the_same_org()
    {
        var hub = fixture.Hub;
        var member = await hub.CreateMemberAsync();
        var collection = await hub.CreateCollectionAsync(readOrgs: [member.Organization.Id], writeOrgs: [member.Organization.Id]);

        var (code, output) = await RunAsync(hub.App.GetTestServer().CreateHandler(), Russian(), "--out", Out, "--window", "60", "--min-participation", "5",
            "--publish", "http://localhost/", "--collection", collection.Id, "--api-key", member.ApiKey);

        Assert.True(code == 0, output);
        var bundle = await ReadJsonAsync(Path.Combine(Out, DetectRunner.BundleFileName));
        var objects = ((JsonArray)bundle["objects"]!).OfType<JsonObject>().ToList();
        Assert.Contains($"{objects.Count - 1:N0} stored, 0 failed", output, StringComparison.Ordinal);

        using var reader = hub.BearerClient(member.ApiKey);
        foreach (var type in new[] { "campaign", "report" })
        {
            var response = await TaxiiClient.GetAsync(reader, TaxiiClient.CollectionUrl(collection.Id) + "objects/?match[type]=" + type);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var stored = ((JsonArray)(await TaxiiClient.JsonAsync(response))["objects"]!).Select(o => (string)o!["id"]!).Order(StringComparer.Ordinal);
            var sent = objects.Where(o => (string?)o["type"] == type).Select(o => (string)o["id"]!).Order(StringComparer.Ordinal);
            Assert.Equal(sent, stored);
        }

        var account = objects.First(o => (string?)o["type"] == "user-account");
        var one = await TaxiiClient.GetAsync(reader, TaxiiClient.CollectionUrl(collection.Id) + "objects/" + (string)account["id"]! + "/");
        Assert.True(one.IsSuccessStatusCode, await one.Content.ReadAsStringAsync());
        Assert.Equal((string)account["id"]!, (string?)((JsonArray)(await TaxiiClient.JsonAsync(one))["objects"]!)[0]!["id"]);
    }

    [Fact]
    public async Task Publish_refused_by_the_hub_prints_the_taxii_error_and_fails()
    {
        var hub = fixture.Hub;
        var member = await hub.CreateMemberAsync();
        var collection = await hub.CreateCollectionAsync(readOrgs: [member.Organization.Id], writeOrgs: [member.Organization.Id]);
        var input = await SmallCoordinatedFileAsync();

        var (code, output) = await RunAsync(hub.App.GetTestServer().CreateHandler(), input, "--out", Out, "--window", "10", "--min-participation", "2",
            "--publish", $"http://localhost/taxii2/vigil/collections/{collection.Id}/objects/", "--api-key", "not-a-key");

        Assert.Equal(1, code);
        Assert.Contains("Publishing to", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", output, StringComparison.Ordinal);
        Assert.Contains("Unauthorized", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out, DetectRunner.BundleFileName)), "the reports are written before publishing");

        var outsider = await hub.CreateMemberAsync();
        (code, output) = await RunAsync(hub.App.GetTestServer().CreateHandler(), input, "--out", Out, "--window", "10", "--min-participation", "2",
            "--publish", "http://localhost/", "--collection", collection.Id, "--api-key", outsider.ApiKey);
        Assert.Equal(1, code);
        Assert.Matches(@"HTTP 40[34] [\w ]+: (Forbidden|Not found) — \S+", output);
    }

    [Fact]
    public async Task Several_inputs_are_read_as_one_data_set()
    {
        var whole = await File.ReadAllLinesAsync(await SmallCoordinatedFileAsync());
        var first = Path.Combine(_directory.FullName, "first.csv");
        var second = Path.Combine(_directory.FullName, "second.csv");
        await File.WriteAllLinesAsync(first, whole.Take(10));
        await File.WriteAllLinesAsync(second, [whole[0], .. whole.Skip(10)]);

        var (code, output) = await RunAsync(null, first, second, "--out", Out, "--window", "10", "--min-participation", "2");

        Assert.True(code == 0, output);
        var summary = (await ReadJsonAsync(Path.Combine(Out, "report.json")))["summary"]!;
        Assert.Equal((18, 3, 3, 1), ((int)summary["activities"]!, (int)summary["accounts"]!, (int)summary["edges"]!, (int)summary["clusters"]!));
    }

    [Fact]
    public async Task Sources_label_the_urls_and_domains_a_cluster_shared()
    {
        var sources = SharedData.Path("sources");
        Assert.True(Directory.Exists(sources), $"The shared source data {sources} is missing; this test needs it.");
        var path = Path.Combine(_directory.FullName, "links.csv");
        var lines = new List<string> { "platform,activity_id,account_id,timestamp,kind,urls" };
        var id = 0;
        string At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // Eight accounts post the same twelve RT links seconds apart; two hundred others post links of their own.
        for (var item = 0; item < 12; item++)
        {
            for (var account = 0; account < 8; account++)
            {
                lines.Add($"twitter,{++id},a{account},{At((item * 3600) + (account * 2))},post,https://www.rt.com/news/{item}-ballots");
            }
        }

        for (var other = 0; other < 200; other++)
        {
            lines.Add($"twitter,{++id},bg{other},{At(other * 197)},post,https://news{other}.example/story{other}");
        }

        await File.WriteAllLinesAsync(path, lines);

        var (code, output) = await RunAsync(null, path, "--out", Out, "--sources", sources);

        Assert.True(code == 0, output);
        var items = (await ReadJsonAsync(Path.Combine(Out, "report.json")))["clusters"]!.AsArray()
            .SelectMany(c => c!["sharedItems"]!.AsArray()).Select(i => i!).ToList();
        var labelled = items.Where(i => (string)i["signal"]! is "co-link" or "co-domain").ToList();
        Assert.NotEmpty(labelled);
        Assert.All(labelled, i => Assert.Contains(i["labels"]!.AsArray(), l => ((string)l!).Contains("RT International", StringComparison.Ordinal)));
        Assert.Contains("RT International", await File.ReadAllTextAsync(Path.Combine(Out, "report.html")), StringComparison.Ordinal);

        var (missingCode, missingOutput) = await RunAsync(null, path, "--out", Out, "--sources", Path.Combine(_directory.FullName, "nowhere"));
        Assert.Equal(1, missingCode);
        Assert.Contains("--sources", missingOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_fails_with_a_message_naming_it()
    {
        var missing = Path.Combine(_directory.FullName, "absent.csv.gz");
        var (code, output) = await RunAsync(null, missing, "--out", Out);
        Assert.Equal(1, code);
        Assert.Contains("input file not found", output, StringComparison.Ordinal);
        Assert.Contains("absent.csv.gz", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_malformed_csv_in_strict_mode_fails_naming_line_and_field()
    {
        var path = Path.Combine(_directory.FullName, "bad.csv");
        await File.WriteAllTextAsync(path, "object_id,account_id,content_id,timestamp_share\no1,a,c1,1700000000\no1,b,c2,yesterday-ish\n");

        var (code, output) = await RunAsync(null, path, "--out", Out, "--strict");

        Assert.Equal(1, code);
        Assert.Contains("line 3", output, StringComparison.Ordinal);
        Assert.Contains("timestamp_share", output, StringComparison.Ordinal);
        Assert.Contains("yesterday-ish", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_csv_without_strict_is_read_and_its_bad_rows_listed()
    {
        var path = Path.Combine(_directory.FullName, "bad.csv");
        await File.WriteAllTextAsync(path, "object_id,account_id,content_id,timestamp_share\no1,a,c1,1700000000\no1,b,c2,yesterday-ish\n");

        var (code, output) = await RunAsync(null, path, "--out", Out);

        Assert.Equal(0, code);
        Assert.Matches(@"bad\.csv\s*│\s*3\s*│\s*timestamp_share", output);
        Assert.Matches(@"rows rejected\s*│\s*1", output);
        Assert.True(File.Exists(Path.Combine(Out, "report.json")));
    }

    [Fact]
    public async Task Bad_option_values_fail_with_a_clear_message()
    {
        var input = await SmallCoordinatedFileAsync();
        var (code, output) = await RunAsync(null, input, "--out", Out, "--window", "0");
        Assert.Equal(1, code);
        Assert.Contains("--window must be a positive number of seconds", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(null, input, "--out", Out, "--publish", "http://localhost/");
        Assert.Equal(1, code);
        Assert.Contains("--publish needs an API key", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(null, input, "--out", Out, "--publish", "http://localhost/", "--api-key", "k");
        Assert.Equal(1, code);
        Assert.Contains("--collection ID", output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
