using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Ads.Advertisers;
using Vigil.Ads.Import;
using Vigil.Ads.Submission;
using Vigil.Ads.Validation;
using Vigil.Cli.Ads;
using Vigil.Core.Members;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Ads;

/// <summary>
/// <c>vigil ads import FILE --hub URL --api-key KEY</c> run in-process against a hub: the published Czech Meta file goes to the
/// bulk endpoint as a platform's submission. One of its two pages belongs to an advertiser the platform registered and attested,
/// so the hub accepts those ads and rejects the rest; the summary names every rejected row by the file's row and line. What the
/// hub should answer is worked out here with the same importer and validator.
/// </summary>
public sealed class AdsImportHubTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private const string RegisteredPage = "102389958091735";
    private const string OtherPage = "236211929833146";

    private TestHub Hub => fixture.Hub;

    private static string CzechFile => AdsHubFixture.PathOf("meta-adlib-cz-2023.csv");

    private static async Task<(int Code, string Output)> RunAsync(HttpMessageHandler handler, params string[] args)
    {
        var output = new StringWriter();
        var console = PlainConsole.Create(output, width: 250);
        var root = new RootCommand { new Command("ads") { AdsImportCommand.Create(console, handler) } };
        var code = await root.Parse(["ads", "import", .. args]).InvokeAsync();
        return (code, output.ToString());
    }

    /// <summary>A platform member with the registered page's advertiser attested (once per hub: the page can be registered once).</summary>
    private async Task<(TestMember Member, Advertiser Advertiser)> PlatformAsync()
    {
        var member = await Hub.CreateMemberAsync(Sector.Platform);
        var store = Hub.Services.GetRequiredService<IAdvertiserStore>();
        if (await store.FindByAccountAsync("meta", RegisteredPage, CancellationToken.None) is { } existing)
        {
            return (member, existing);
        }

        using var client = Hub.BearerClient(member.ApiKey);
        var registration = new JsonObject
        {
            ["legal_name"] = "Pro bezpečnou budoucnost z.s.",
            ["country"] = "CZ",
            ["disclaimer"] = "Pro bezpečnou budoucnost z.s.",
            ["accounts"] = new JsonArray(new JsonObject { ["platform"] = "meta", ["account_id"] = RegisteredPage, ["name"] = "Generál Pavel" }),
            ["attestation"] = new JsonObject { ["platform"] = "meta", ["reference"] = "meta-pav-2022-11" },
        };
        var response = await client.PostAsync("/api/ads/advertisers", new StringContent(registration.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (member, (await store.FindByAccountAsync("meta", RegisteredPage, CancellationToken.None))!);
    }

    /// <summary>Every rejection the hub should give for the file, by the file's row and line, and how many ads it should accept.</summary>
    private static async Task<(List<AdRejection> Rejections, int Accepted, int Rows)> ExpectedAsync(Advertiser advertiser)
    {
        var validator = new AdValidator();
        var rejections = new List<AdRejection>();
        int accepted = 0, rows = 0;
        await using var stream = File.OpenRead(CzechFile);
        await foreach (var item in new AdImporter().ImportAsync(stream, new AdImportOptions { ReachedCountries = ["CZ"] }))
        {
            rows++;
            if (item.Ad is not { } ad)
            {
                rejections.AddRange(item.Problems.Select(p => new AdRejection(item.Row, item.Line, null, p.Field, p.Reason)));
                continue;
            }

            var problems = validator.ValidateSubmission(ad, ad.PageId == RegisteredPage ? advertiser : null);
            rejections.AddRange(problems.Select(p => new AdRejection(item.Row, item.Line, ad.Id, p.Field, p.Reason)));
            accepted += problems.Count == 0 ? 1 : 0;
        }

        return (rejections, accepted, rows);
    }

    [Fact]
    public async Task Hub_mode_streams_the_file_to_the_bulk_endpoint_and_prints_accepted_and_every_rejected_row()
    {
        var (member, advertiser) = await PlatformAsync();
        var (expected, accepted, rows) = await ExpectedAsync(advertiser);
        Assert.Equal(667, rows);
        Assert.InRange(accepted, 1, 375);
        Assert.Contains(expected, r => r.Field == "advertiser" && r.Reason.Contains("no registered advertiser", StringComparison.Ordinal));
        using var handler = Hub.App.GetTestServer().CreateHandler();

        var (code, output) = await RunAsync(handler, CzechFile, "--hub", "http://localhost/", "--api-key", member.ApiKey, "--reached-countries", "CZ", "--all-issues");

        Assert.True(code == 0, output);
        Assert.Matches(@"rows read\s*│\s*667\b", output);
        Assert.Matches($@"accepted\s*│\s*{accepted:N0}\b", output);
        Assert.Matches($@"rejected\s*│\s*{expected.Select(r => r.Row).Distinct().Count():N0}\b", output);
        foreach (var r in expected)
        {
            Assert.Matches($@"│\s*{r.Row}\s*│\s*{r.Line}\s*│\s*{r.AdId}\s*│\s*{r.Field}\s*│\s*{System.Text.RegularExpressions.Regex.Escape(r.Reason[..Math.Min(40, r.Reason.Length)])}", output);
        }

        // The accepted ads are in the public archive, linked to the advertiser; the other page's are not.
        using var reader = Hub.CreateClient(null);
        var page = await reader.GetFromJsonAsync<JsonElement>($"/public/ads_archive/pages/meta/{RegisteredPage}");
        Assert.Equal(accepted, page.GetProperty("ads").GetInt32());
        var other = await reader.GetAsync($"/public/ads_archive/pages/meta/{OtherPage}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // Sending the file again changes nothing.
        (code, output) = await RunAsync(handler, CzechFile, "--hub", "http://localhost/", "--api-key", member.ApiKey, "--reached-countries", "CZ");
        Assert.True(code == 0, output);
        Assert.Matches($@"unchanged \(already archived\)\s*│\s*{accepted:N0}\b", output);
        Assert.Matches(@"new ads\s*│\s*0\b", output);
    }

    [Fact]
    public async Task Rows_rejected_in_later_requests_keep_the_files_row_and_line()
    {
        var (member, advertiser) = await PlatformAsync();
        var (expected, accepted, rows) = await ExpectedAsync(advertiser);
        using var handler = Hub.App.GetTestServer().CreateHandler();
        using var client = new HttpClient(handler, disposeHandler: false);
        var uploader = new AdHubUploader(client, new Uri("http://localhost/"), member.ApiKey, adsPerRequest: 100);

        var summary = await uploader.UploadAsync(CzechFile, new AdImportOptions { ReachedCountries = ["CZ"] }, progress: null, CancellationToken.None);

        Assert.Equal(rows, summary.Rows);
        Assert.Equal(accepted, summary.Accepted);
        Assert.Equal(expected, summary.Rejections);
    }

    [Fact]
    public async Task A_refused_key_or_a_missing_key_exits_1_with_the_reason()
    {
        using var handler = Hub.App.GetTestServer().CreateHandler();
        var (code, output) = await RunAsync(handler, CzechFile, "--hub", "http://localhost/", "--api-key", "vgl_not-a-key", "--reached-countries", "CZ");
        Assert.Equal(1, code);
        Assert.Contains("The hub refused the ads (401", output, StringComparison.Ordinal);

        var agency = await Hub.CreateMemberAsync(Sector.Government);
        (code, output) = await RunAsync(handler, CzechFile, "--hub", "http://localhost/", "--api-key", agency.ApiKey, "--reached-countries", "CZ");
        Assert.Equal(1, code);
        Assert.Contains("The hub refused the ads (403", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(handler, CzechFile, "--hub", "http://localhost/");
        Assert.Equal(1, code);
        Assert.Contains("--hub needs an API key", output, StringComparison.Ordinal);
    }
}
