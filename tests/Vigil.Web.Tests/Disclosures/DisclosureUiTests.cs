using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests.Disclosures;

/// <summary>
/// Public takedown disclosures in headless Chromium: a platform member publishes one from a demo case (the form names
/// the field that is wrong first), and a signed-out browser finds it in the index, reads it and downloads the dataset
/// with hashed account ids.
/// </summary>
public sealed partial class DisclosureUiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Northwind = "northwind-analyst";
    private const string DemoCase = "Impersonating 'Lakemoor Vote Alerts' accounts (demo)";

    [Fact]
    public async Task A_platform_member_publishes_a_disclosure_and_a_signed_out_browser_reads_it_and_downloads_hashed_ids()
    {
        var token = "Lakemoor alerts network " + Guid.NewGuid().ToString("N")[..6];
        var platform = await web.SignedInPageAsync(Northwind);
        await platform.GotoAsync("/response");
        await platform.GetByRole(AriaRole.Link, new() { Name = DemoCase }).ClickAsync();
        await Assertions.Expect(platform.Locator("#case-status")).ToHaveTextAsync("Actioned");
        var caseUrl = platform.Url;
        await platform.GetByRole(AriaRole.Link, new() { Name = "Publish disclosure" }).ClickAsync();
        await platform.WaitForURLAsync(DisclosePath());

        // Without a title and with a currency but no amount: the errors sit next to their fields.
        await platform.GetByLabel("Narrative").FillAsync("Accounts posing as the elections office pushed a fake ballot re-verification link.");
        await platform.GetByLabel("Currency (ISO 4217)").FillAsync("USD");
        await platform.Locator("#d-title").EvaluateAsync("e => e.removeAttribute('required')");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Publish disclosure" }).ClickAsync();
        await Assertions.Expect(platform.Locator("#error-title")).ToContainTextAsync("this is required");
        await Assertions.Expect(platform.Locator("#error-adSpend")).ToContainTextAsync("a currency was given without an ad spend");

        await platform.GetByLabel("Title").FillAsync(token);
        await platform.GetByLabel("Attributed actor (leave empty when not stated)").FillAsync("Example Influence Agency");
        await platform.GetByLabel("Accounts", new() { Exact = true }).FillAsync("40");
        await platform.GetByLabel("Pages", new() { Exact = true }).FillAsync("3");
        await platform.GetByLabel("Groups", new() { Exact = true }).FillAsync("2");
        await platform.GetByLabel("Followers", new() { Exact = true }).FillAsync("12500");
        await platform.GetByLabel("Ad spend").FillAsync("820.50");
        await platform.GetByLabel("Active from").FillAsync("2026-09-01");
        await platform.GetByLabel("Active to").FillAsync("2026-10-25");
        await platform.GetByLabel("Sample content, one item per line").FillAsync("Your mail ballot must be re-verified by Friday\nVerify here: lakemoor-vote-verify.example");
        await platform.GetByLabel("Accounts, one per line", new() { Exact = false })
            .FillAsync("platform,account id,handle,created,followers\nnorthwind,880001,@LakemoorVoteAlerts,2026-08-30,9000\nnorthwind,880002,lakemoor_alerts_2,,3500");

        // An object marked TLP:AMBER is refused by name until the publisher confirms that it is re-marked TLP:CLEAR.
        var lantern = await LanternIdAsync();
        await platform.GetByLabel("STIX objects to publish", new() { Exact = false }).FillAsync(lantern);
        await platform.GetByRole(AriaRole.Button, new() { Name = "Publish disclosure" }).ClickAsync();
        await Assertions.Expect(platform.Locator("#error-objectIds")).ToContainTextAsync($"'{lantern}' is marked TLP:AMBER");
        await Assertions.Expect(platform.Locator("#error-title")).ToHaveCountAsync(0);
        await Assertions.Expect(platform.GetByLabel("Title")).ToHaveValueAsync(token);
        await platform.GetByLabel("I confirm that the listed objects marked above TLP:CLEAR may be public", new() { Exact = false }).CheckAsync();
        await WebFixture.ScreenshotAsync(platform, "disclosure-publish");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Publish disclosure" }).ClickAsync();
        await platform.WaitForURLAsync(DisclosurePath());
        var disclosureUrl = platform.Url;
        await Assertions.Expect(platform.Locator("#disclosure-title")).ToHaveTextAsync(token);

        await platform.GotoAsync(caseUrl);
        await Assertions.Expect(platform.Locator("#case-status")).ToHaveTextAsync("Disclosed");

        // Signed out: the index, the page and the dataset.
        var reader = await web.NewPageAsync();
        await reader.GotoAsync("/disclosures");
        await reader.GetByLabel("Search titles, narratives and actors").FillAsync("example influence");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#disclosure-count")).ToContainTextAsync("1 disclosure");
        await reader.GetByRole(AriaRole.Link, new() { Name = token }).ClickAsync();
        Assert.Equal(disclosureUrl, reader.Url);
        await Assertions.Expect(reader.Locator("#disclosure-publisher")).ToHaveTextAsync("Northwind Social (demo)");
        await Assertions.Expect(reader.Locator("#disclosure-narrative")).ToContainTextAsync("fake ballot re-verification link");
        await Assertions.Expect(reader.Locator("#count-accounts")).ToHaveTextAsync("40");
        await Assertions.Expect(reader.Locator("#count-followers")).ToHaveTextAsync("12,500");
        await Assertions.Expect(reader.Locator("#count-ad-spend")).ToHaveTextAsync("820.50 USD");
        await Assertions.Expect(reader.Locator("#disclosure-actor")).ToHaveTextAsync("Example Influence Agency");
        await Assertions.Expect(reader.Locator("#disclosure-samples")).ToContainTextAsync("Your mail ballot must be re-verified by Friday");
        await Assertions.Expect(reader.Locator("#identifiers-note")).ToContainTextAsync("HMAC-SHA256");
        await Assertions.Expect(reader.Locator("#disclosure-objects")).ToContainTextAsync(lantern);
        var stix = await reader.APIRequest.GetAsync("/public/disclosures/" + disclosureUrl[(disclosureUrl.LastIndexOf('/') + 1)..]);
        Assert.Contains(Vigil.Core.Sharing.Tlp.ClearId, await stix.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Vigil.Core.Sharing.Tlp.AmberId, await stix.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(reader.Locator("main")).Not.ToContainTextAsync("Sign out");
        await WebFixture.ScreenshotAsync(reader, "disclosure-public");

        var download = await reader.RunAndWaitForDownloadAsync(() => reader.Locator("#dataset-link").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("platform,account_id,handle,created,followers", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Matches(HashedRow(), lines[1]);
        Assert.EndsWith(",2026-08-30,9000", lines[1], StringComparison.Ordinal);
        Assert.Matches(HashedRow(), lines[2]);
        Assert.DoesNotContain(lines, l => l.Contains("880001", StringComparison.Ordinal) || l.Contains("LakemoorVoteAlerts", StringComparison.OrdinalIgnoreCase));

        var feed = await reader.APIRequest.GetAsync("/public/disclosures/feed.atom");
        Assert.Equal((int)HttpStatusCode.OK, feed.Status);
        Assert.Contains(token, await feed.TextAsync(), StringComparison.Ordinal);
    }

    private async Task<string> LanternIdAsync()
    {
        var hits = await web.Hub.SearchAsync(Northwind, "&type=campaign&text=" + Uri.EscapeDataString("Paper Lantern"));
        return Assert.Single(hits).GetProperty("object").GetProperty("id").GetString()!;
    }

    [GeneratedRegex("/response/cases/[^/]+/disclose$")]
    private static partial Regex DisclosePath();

    [GeneratedRegex("/disclosures/disclosure--[0-9a-f-]{36}$")]
    private static partial Regex DisclosurePath();

    [GeneratedRegex("^northwind,[0-9a-f]{64},[0-9a-f]{64},")]
    private static partial Regex HashedRow();
}
