using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Members;
using Vigil.Storage.Members;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests;

/// <summary>
/// The web UI in headless Chromium against the demo hub: sign-in and sign-out, the member's home, the object browser
/// and detail pages under the sharing policy, and keyboard access.
/// </summary>
public sealed class WebUiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string TaskForce = "task-force-analyst";
    private const string Researcher = "open-signals-researcher";
    private const string LanternName = "Operation Paper Lantern (demo)";

    private async Task<string> LanternIdAsync()
    {
        var hits = await web.Hub.SearchAsync(TaskForce, "&type=campaign&text=" + Uri.EscapeDataString("Paper Lantern"));
        var lantern = Assert.Single(hits);
        Assert.Equal("amber", lantern.GetProperty("tlp").GetString());
        return lantern.GetProperty("object").GetProperty("id").GetString()!;
    }

    private static async Task<string> ActiveElementAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => { const e = document.activeElement; return (e.id || '') + '|' + (e.textContent || '').trim() + '|' + (e.closest('nav') ? e.closest('nav').getAttribute('aria-label') : ''); }");

    [Fact]
    public async Task Sign_in_with_a_wrong_password_shows_an_error_and_no_session()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(TaskForce);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("user name or password is wrong");
        await WebFixture.ScreenshotAsync(page, "signin-error");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "vigil.session");

        var home = await page.GotoAsync("/");
        Assert.NotNull(home);
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_lands_on_the_home_with_the_members_data()
    {
        var page = await web.SignedInPageAsync(TaskForce);
        Assert.Equal(web.Hub.BaseAddress.ToString(), page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foreign Interference Task Force (demo)");

        var visible = await web.Hub.SearchAsync(TaskForce);
        var total = long.Parse(await page.Locator("#count-total").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(visible.Count, total);
        var campaigns = long.Parse(await page.Locator("#count-campaign").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(visible.Count(h => h.GetProperty("object").GetProperty("type").GetString() == "campaign"), campaigns);

        // Recent shares: the newest visible objects, newest first, each one the REST API also gives this member.
        var rows = page.Locator("table.objects tbody tr");
        Assert.Equal(Math.Min(10, visible.Count), await rows.CountAsync());
        var newest = visible.Select(h => h.GetProperty("object").GetProperty("id").GetString()!).TakeLast(10).Reverse().ToArray();
        var links = await page.Locator("table.objects tbody tr td:first-child a").EvaluateAllAsync<string[]>("as => as.map(a => decodeURIComponent(a.getAttribute('href')))");
        Assert.Equal(newest.Select(id => "/exchange/objects/" + id).ToArray(), links);
        await WebFixture.ScreenshotAsync(page, "home");

        // The session cookie signs in pages only: the APIs still want Basic or Bearer.
        var me = await page.APIRequest.GetAsync("/api/me");
        Assert.Equal((int)HttpStatusCode.Unauthorized, me.Status);
    }

    [Fact]
    public async Task An_amber_object_of_another_group_is_neither_listed_nor_reachable_by_address()
    {
        var lantern = await LanternIdAsync();

        // A member of the group sees it in the browser.
        var insider = await web.SignedInPageAsync(TaskForce);
        await insider.GotoAsync("/exchange/objects?type=campaign");
        await Assertions.Expect(insider.GetByRole(AriaRole.Link, new() { Name = LanternName })).ToBeVisibleAsync();

        // The research lab is a member reading the same collection but not in the group the object is shared with.
        var outsider = await web.SignedInPageAsync(Researcher);
        await outsider.GotoAsync("/exchange/objects?type=campaign");
        await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync("Paper Lantern");
        await outsider.GotoAsync("/exchange/objects?text=" + Uri.EscapeDataString("Paper Lantern"));
        await Assertions.Expect(outsider.GetByRole(AriaRole.Link, new() { Name = LanternName })).ToHaveCountAsync(0);
        Assert.DoesNotContain(await web.Hub.SearchAsync(Researcher), h => h.GetProperty("object").GetProperty("id").GetString() == lantern);

        var response = await outsider.GotoAsync("/exchange/objects/" + lantern);
        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.NotFound, response.Status);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync(LanternName);
        await WebFixture.ScreenshotAsync(outsider, "not-found");
    }

    [Fact]
    public async Task Detail_page_shows_the_tlp_badge_properties_and_the_relationship_graph()
    {
        var lantern = await LanternIdAsync();
        var page = await web.SignedInPageAsync(TaskForce);
        var response = await page.GotoAsync("/exchange/objects/" + lantern);
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Assertions.Expect(page.Locator("#object-name")).ToHaveTextAsync(LanternName);

        var badge = page.Locator("h1 .tlp");
        await Assertions.Expect(badge).ToHaveTextAsync("TLP:AMBER");
        var colours = await badge.EvaluateAsync<string[]>("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]");
        Assert.Equal(["rgb(255, 192, 0)", "rgb(0, 0, 0)"], colours);

        await Assertions.Expect(page.Locator("dl.properties")).ToContainTextAsync("voter-suppression");

        // The graph is SVG from the server: a node per linked object, an edge per relationship, with their names.
        var graph = page.Locator("svg#relationship-graph");
        await Assertions.Expect(graph).ToBeVisibleAsync();
        Assert.Equal("img", await graph.GetAttributeAsync("role"));
        await Assertions.Expect(graph.Locator("g.node")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(graph).ToContainTextAsync("Harbor Chorus (demo)");
        await Assertions.Expect(graph).ToContainTextAsync("attributed-to");
        await Assertions.Expect(graph).ToContainTextAsync("indicates");
        var edges = await graph.Locator("g.edge").CountAsync();
        Assert.Equal(await page.Locator("#relationships tbody tr").CountAsync(), edges);

        // A linked node leads to that object's page.
        await graph.Locator("a", new() { HasText = "Harbor Chorus (demo)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#object-name")).ToHaveTextAsync("Harbor Chorus (demo)");
        await Assertions.Expect(page.Locator("h1 .tlp")).ToHaveTextAsync("TLP:GREEN");
        await page.GoBackAsync();
        await WebFixture.ScreenshotAsync(page, "object-detail");
    }

    [Fact]
    public async Task Keyboard_reaches_the_skip_link_and_the_main_navigation()
    {
        var page = await web.SignedInPageAsync(TaskForce);

        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith("|Skip to main content|", await ActiveElementAsync(page), StringComparison.Ordinal);
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main'");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/");
        var reached = new List<string>();
        while (reached.Count < 5 && !reached.Contains("|Exchange|Parts"))
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await ActiveElementAsync(page));
        }

        // Skip link, the home link, then the first part of the main navigation.
        Assert.Equal(["|Skip to main content|", "|Vigil|", "|Exchange|Parts"], reached);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/exchange/objects$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Parts" }).GetByRole(AriaRole.Link, new() { Name = "Exchange" }))
            .ToHaveAttributeAsync("aria-current", "page");

        // Every field of the search form has a label.
        foreach (var label in new[] { "Type", "Collection", "Marking", "Text" })
        {
            await Assertions.Expect(page.GetByLabel(label, new() { Exact = true })).ToBeVisibleAsync();
        }

        await WebFixture.ScreenshotAsync(page, "object-browser");
    }

    [Fact]
    public async Task Object_browser_filters_by_type_and_collection_and_pages_like_the_rest_api()
    {
        var page = await web.SignedInPageAsync(TaskForce);
        var expected = await web.Hub.SearchAsync(TaskForce);
        var seen = new List<string>();
        await page.GotoAsync("/exchange/objects?limit=7");
        for (var pages = 0; pages < 100; pages++)
        {
            seen.AddRange(await page.Locator("table.objects tbody tr td:first-child a").EvaluateAllAsync<string[]>(
                "as => as.map(a => decodeURIComponent(a.getAttribute('href')).split('/').pop())"));
            var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
            if (await next.CountAsync() == 0)
            {
                break;
            }

            var href = await next.GetAttributeAsync("href");
            await page.GotoAsync(href + "&limit=7");
        }

        Assert.Equal(expected.Select(h => h.GetProperty("object").GetProperty("id").GetString()).ToArray(), seen);

        await page.GotoAsync("/exchange/objects");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("indicator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("type=indicator"));
        var types = await page.Locator("table.objects tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(expected.Count(h => h.GetProperty("object").GetProperty("type").GetString() == "indicator"), types.Count);
        Assert.All(types, t => Assert.Equal("indicator", t));

        var collection = expected.First().GetProperty("collectionId").GetString()!;
        await page.GotoAsync("/exchange/objects?collection=" + collection);
        var rows = await page.Locator("table.objects tbody tr").CountAsync();
        Assert.Equal(Math.Min(50, expected.Count(h => h.GetProperty("collectionId").GetString() == collection)), rows);

        var bad = await page.GotoAsync("/exchange/objects?type=NOT%20A%20TYPE");
        Assert.Equal((int)HttpStatusCode.BadRequest, bad!.Status);
        await Assertions.Expect(page.Locator("#error-type")).ToContainTextAsync("not a STIX type name");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var page = await web.SignedInPageAsync(TaskForce);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/signin"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "vigil.session");

        await page.GotoAsync("/exchange/objects");
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        var page = await web.SignedInPageAsync(TaskForce);
        var response = await page.APIRequest.PostAsync("/signout", new() { Form = page.APIRequest.CreateFormData() });
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foreign Interference Task Force (demo)");
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_and_never_off_site()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/exchange/objects?type=indicator");
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(TaskForce);
        await page.GetByLabel("Password").FillAsync(web.Hub.Login(TaskForce).Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/exchange/objects\\?type=indicator$"));

        var other = await web.NewPageAsync();
        await other.GotoAsync("/signin?returnUrl=" + Uri.EscapeDataString("//example.com/"));
        await other.GetByLabel("User name").FillAsync(TaskForce);
        await other.GetByLabel("Password").FillAsync(web.Hub.Login(TaskForce).Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await other.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        Assert.Equal(web.Hub.BaseAddress.ToString(), other.Url);
    }

    [Fact]
    public async Task Disabling_a_user_ends_its_session_at_the_next_page()
    {
        var members = web.Hub.App.Services.GetRequiredService<IMemberStore>();
        var org = await members.CreateOrganizationAsync(new Organization
        {
            Id = string.Empty, Name = "Disabled session test " + Guid.NewGuid().ToString("N"), Sector = Sector.Research, IdentityId = string.Empty,
        });
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var user = await members.CreateUserAsync(
            new UserAccount { Id = string.Empty, OrgId = org.Id, UserName = "web-" + Guid.NewGuid().ToString("N")[..12], Role = UserRole.Analyst }, password);

        var page = await web.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(org.Name);

        Assert.True(await members.SetUserDisabledAsync(user.Id, true));
        await page.GotoAsync("/exchange/objects");
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
    }
}
