using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Ads.Import;
using Vigil.Ads.Model;
using Vigil.Server.Ads;
using Vigil.Storage.Ads;
using Vigil.Testing;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests.Ads;

/// <summary>
/// The public political ad library in headless Chromium, signed out: the demo hub holds the published Czech Meta archive file
/// and four ads written for these tests (three about a ferry from one page, one from another). Search and filters narrow the
/// cards, an advertiser page draws its spend over time and by region, and the export button downloads the matches as CSV.
/// </summary>
public sealed class AdLibraryUiTests(WebFixture web) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private const string FerryPage = "9100001";
    private const string FerryPageName = "Lakemoor Ferry Riders (test)";
    private const string FerryByline = "Lakemoor Ferry Riders Association, Inc.";
    private const string CzechPage = "102389958091735";

    private static Ad Ad(string id, string page, string pageName, string body, string country, string surface, DateTimeOffset start) => new()
    {
        Id = id,
        Platform = "meta",
        PageId = page,
        PageName = pageName,
        Byline = page == FerryPage ? FerryByline : "Friends of the Lakemoor Library",
        CreativeBodies = [body],
        Languages = ["en"],
        PublisherPlatforms = [surface],
        ReachedCountries = [country],
        DeliveryStart = start,
        DeliveryStop = start.AddDays(10),
        Spend = new Bounds(100, 199),
        Currency = "USD",
        Impressions = new Bounds(1000, 1999),
        Regions = [new RegionShare("Lakemoor County", 0.7), new RegionShare("Harbor County", 0.3)],
    };

    private static readonly Ad[] TestAds =
    [
        Ad("910000001", FerryPage, FerryPageName, "Keep the ferry tolls fair for Lakemoor commuters", "US", "FACEBOOK", new(2026, 9, 7, 0, 0, 0, TimeSpan.Zero)),
        Ad("910000002", FerryPage, FerryPageName, "Ferry riders: vote on the tolls question", "US", "INSTAGRAM", new(2026, 9, 21, 0, 0, 0, TimeSpan.Zero)),
        Ad("910000003", FerryPage, FerryPageName, "A ferry service for Lakemoor's twin town", "DE", "FACEBOOK", new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero)),
        Ad("910000004", "9100002", "Lakemoor Library Friends (test)", "Longer library hours for Lakemoor", "US", "FACEBOOK", new(2026, 10, 12, 0, 0, 0, TimeSpan.Zero)),
    ];

    public async Task InitializeAsync()
    {
        var archive = web.Hub.App.Services.GetRequiredService<SqlAdArchive>();
        var file = SharedData.Path("ads", "meta-adlib-cz-2023.csv");
        Assert.True(File.Exists(file), $"Shared ad data file missing: {file}");
        await AdFileLoader.LoadAsync(archive, file, new AdImportOptions { ReachedCountries = ["CZ"] }, progress: null, CancellationToken.None);
        await archive.SaveManyAsync(TestAds, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string[]> CardIdsAsync(IPage page) =>
        [.. (await page.Locator("#ad-cards .ad-card").AllAsync()).Select(c => c.GetAttributeAsync("data-ad-id").GetAwaiter().GetResult()!)];

    [Fact]
    public async Task Search_by_keyword_and_filters_narrows_the_cards_signed_out()
    {
        var page = await web.NewPageAsync();
        var response = await page.GotoAsync("/ads");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("#ad-cards .ad-card")).ToHaveCountAsync(25);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToBeVisibleAsync();

        await page.GetByLabel("Words in the ad").FillAsync("ferry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ad-cards .ad-card")).ToHaveCountAsync(3);
        Assert.Equal(["910000003", "910000002", "910000001"], await CardIdsAsync(page));

        await page.GetByLabel("Countries reached").FillAsync("DE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ad-cards .ad-card")).ToHaveCountAsync(1);
        var card = page.Locator("#ad-cards .ad-card").First;
        Assert.Equal("910000003", await card.GetAttributeAsync("data-ad-id"));
        await Assertions.Expect(card.Locator(".disclaimer")).ToHaveTextAsync("Paid for by " + FerryByline);
        await Assertions.Expect(card.Locator(".ad-spend")).ToHaveTextAsync("100–199 USD");
        await Assertions.Expect(card.Locator(".ad-impressions")).ToHaveTextAsync("1,000–1,999");
        await Assertions.Expect(card.Locator(".ad-body")).ToHaveTextAsync("A ferry service for Lakemoor's twin town");
        await Assertions.Expect(page.GetByLabel("Countries reached")).ToHaveValueAsync("DE");
        await WebFixture.ScreenshotAsync(page, "ads-search");

        await page.GetByLabel("Countries reached").FillAsync(string.Empty);
        await page.GetByLabel("Platform").SelectOptionAsync("INSTAGRAM");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ad-cards .ad-card")).ToHaveCountAsync(1);
        Assert.Equal(["910000002"], await CardIdsAsync(page));

        // A disclaimer with a comma is one value, not two: following it finds the page's three ads.
        await page.GotoAsync("/ads?search_terms=ferry&ad_reached_countries=DE");
        await page.Locator("#ad-cards .ad-card .disclaimer a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#ad-cards .ad-card")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByLabel("Paid for by")).ToHaveValueAsync(FerryByline);

        // The page's results are the API's for the same parameters.
        using var client = new HttpClient { BaseAddress = web.Hub.BaseAddress };
        var api = await client.GetFromJsonAsync<JsonElement>("public/ads_archive?search_terms=lakemoor&ad_active_status=ALL&ad_reached_countries=US");
        await page.GotoAsync("/ads?search_terms=lakemoor&ad_reached_countries=US");
        Assert.Equal(api.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToArray(), await CardIdsAsync(page));
        Assert.Equal(["910000004", "910000001"], await CardIdsAsync(page));

        // Highest spend first (a Vigil extension), as the API orders it, and the next page continues that order.
        await page.GotoAsync("/ads?ad_reached_countries=CZ");
        await page.GetByLabel("Order").SelectOptionAsync("spend_desc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=spend_desc", StringComparison.Ordinal));
        var sorted = await client.GetFromJsonAsync<JsonElement>("public/ads_archive?ad_active_status=ALL&ad_reached_countries=CZ&sort=spend_desc&limit=50");
        var ids = sorted.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(ids[..25], await CardIdsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ad-cards .ad-card").First).Not.ToHaveAttributeAsync("data-ad-id", ids[0]);
        Assert.Equal(ids[25..], await CardIdsAsync(page));
    }

    [Fact]
    public async Task A_wrong_filter_is_named_next_to_its_field()
    {
        var page = await web.NewPageAsync();
        var response = await page.GotoAsync("/ads?ad_reached_countries=Lakemoor&search_terms=ferry");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.Locator("#error-ad_reached_countries")).ToContainTextAsync("'LAKEMOOR' is not an ISO 3166-1 alpha-2 country code");
        await Assertions.Expect(page.GetByLabel("Words in the ad")).ToHaveValueAsync("ferry");
        await Assertions.Expect(page.Locator("#ad-cards")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_advertiser_page_shows_spend_over_time_and_by_region()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/ads?search_terms=ferry");
        await page.GetByRole(AriaRole.Link, new() { Name = FerryPageName }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/ads/pages/meta/" + FerryPage, StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("#advertiser-name")).ToHaveTextAsync(FerryPageName);
        await Assertions.Expect(page.Locator("#advertiser-ads")).ToHaveTextAsync("3 (0 active)");
        await Assertions.Expect(page.Locator("#advertiser-spend")).ToHaveTextAsync("300–597 USD");
        // Weeks 37 to 41 of 2026: five columns, three of them with ads.
        await Assertions.Expect(page.Locator("#spend-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#spend-chart g.week")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#spend-chart text", new() { HasText = "2026-W37" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#spend-chart text", new() { HasText = "2026-W41" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#region-chart g.region")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#regions tbody tr").First).ToHaveTextAsync("Lakemoor County210–418 USD3");
        await Assertions.Expect(page.Locator("#regions tbody tr").Nth(1)).ToHaveTextAsync("Harbor County90–179 USD3");
        await Assertions.Expect(page.Locator("#ad-cards .ad-card")).ToHaveCountAsync(3);

        // A real page from the published Czech archive: the figures are the API's.
        using var client = new HttpClient { BaseAddress = web.Hub.BaseAddress };
        var api = await client.GetFromJsonAsync<JsonElement>("public/ads_archive/pages/meta/" + CzechPage);
        var response = await page.GotoAsync("/ads/pages/meta/" + CzechPage);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("#advertiser-ads")).ToContainTextAsync(api.GetProperty("ads").GetInt32().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " (");
        await Assertions.Expect(page.Locator("#spend-chart")).ToBeVisibleAsync();
        Assert.Equal(api.GetProperty("spend_by_week").GetArrayLength(), await page.Locator("#spend-chart g.week").CountAsync());
        await Assertions.Expect(page.Locator("#regions")).ToContainTextAsync("Prague");
        Assert.Equal(api.GetProperty("spend_by_region").GetArrayLength(), await page.Locator("#regions tbody tr").CountAsync());
        await WebFixture.ScreenshotAsync(page, "ads-advertiser");

        var missing = await page.GotoAsync("/ads/pages/meta/no-such-page");
        Assert.Equal(404, missing!.Status);
    }

    [Fact]
    public async Task The_export_button_downloads_every_match_as_csv()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/ads?search_terms=ferry");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        Assert.Equal("ads_archive.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.StartsWith("id,platform,page_id,page_name,bylines,", await File.ReadAllTextAsync(path!), StringComparison.Ordinal);

        await using var stream = File.OpenRead(path!);
        var ids = new List<string>();
        await foreach (var item in new AdImporter().ImportAsync(stream, new AdImportOptions()))
        {
            Assert.True(item.Ad is not null, string.Join("; ", item.Problems));
            ids.Add(item.Ad.Id);
            Assert.Equal(FerryByline, item.Ad.Byline);
        }

        Assert.Equal(["910000003", "910000002", "910000001"], ids);
    }

    [Fact]
    public async Task A_member_sees_its_cases_naming_an_advertiser_page_and_the_public_and_other_members_do_not()
    {
        using var agency = web.Hub.ApiClient("task-force-analyst");
        using var platformApi = web.Hub.ApiClient("northwind-analyst");
        var northwind = (await platformApi.GetFromJsonAsync<JsonElement>("api/me")).GetProperty("orgId").GetString()!;
        var title = "Front group buying ads " + Guid.NewGuid().ToString("N")[..6];
        var created = await agency.PostAsJsonAsync("api/rest/cases", new { title, type = "influence-campaign", severity = "high", partyOrgIds = new[] { northwind } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var named = await agency.PostAsJsonAsync($"api/rest/cases/{caseId}/ad-pages", new { platform = "meta", pageId = CzechPage, note = "pays for the ads" });
        Assert.True(named.IsSuccessStatusCode, await named.Content.ReadAsStringAsync());

        var member = await web.SignedInPageAsync("northwind-analyst");
        await member.GotoAsync("/ads/pages/meta/" + CzechPage);
        await Assertions.Expect(member.Locator("#advertiser-cases")).ToContainTextAsync(title);

        var anonymous = await web.NewPageAsync();
        await anonymous.GotoAsync("/ads/pages/meta/" + CzechPage);
        await Assertions.Expect(anonymous.Locator("#advertiser-name")).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.Locator("#advertiser-cases")).ToHaveCountAsync(0);
        Assert.DoesNotContain(title, await anonymous.ContentAsync(), StringComparison.Ordinal);

        var outsider = await web.SignedInPageAsync("open-signals-researcher");
        await outsider.GotoAsync("/ads/pages/meta/" + CzechPage);
        await Assertions.Expect(outsider.Locator("#advertiser-name")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.Locator("#advertiser-cases")).ToHaveCountAsync(0);
    }
}
