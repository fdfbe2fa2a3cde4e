using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests.Response;

/// <summary>
/// The member's home in headless Chromium: unread alerts, requests waiting in the inbox and open cases agree with the
/// REST API, and a request sent to the member shows up there with its subject and link.
/// </summary>
public sealed class HomeWorkTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Platform = "northwind-analyst";
    private const string Agency = "task-force-analyst";

    private static async Task<long> CountAsync(IPage page, string id) =>
        long.Parse(await page.Locator("#" + id).InnerTextAsync(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_home_lists_the_members_alerts_waiting_requests_and_open_cases()
    {
        using var platformApi = web.Hub.ApiClient(Platform);
        using var agencyApi = web.Hub.ApiClient(Agency);
        var me = await platformApi.GetFromJsonAsync<JsonElement>("api/me");
        var orgId = me.GetProperty("orgId").GetString()!;
        var subject = "Home check " + Guid.NewGuid().ToString("N")[..8];
        var sent = await agencyApi.PostAsJsonAsync("api/rest/requests", new { kind = "review-content", recipientOrgIds = new[] { orgId }, subject });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var requestId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var page = await web.SignedInPageAsync(Platform);
        await page.GotoAsync("/");

        var inbox = await platformApi.GetFromJsonAsync<JsonElement>("api/rest/requests/inbox?status=open");
        Assert.Equal(inbox.GetProperty("total").GetInt64(), await CountAsync(page, "count-requests"));
        var link = page.Locator("#home-requests a", new() { HasText = subject });
        if (inbox.GetProperty("total").GetInt64() <= 5)
        {
            await Assertions.Expect(link).ToHaveAttributeAsync("href", "/response/requests/" + Uri.EscapeDataString(requestId));
        }

        var all = (await platformApi.GetFromJsonAsync<JsonElement>("api/rest/cases")).GetProperty("total").GetInt64();
        var closed = (await platformApi.GetFromJsonAsync<JsonElement>("api/rest/cases?status=closed")).GetProperty("total").GetInt64();
        Assert.Equal(all - closed, await CountAsync(page, "count-cases"));
        Assert.Equal((int)Math.Min(5, all - closed), await page.Locator("#home-cases li").CountAsync());

        var alerts = await platformApi.GetFromJsonAsync<JsonElement>("api/rest/alerts?unread=true");
        Assert.Equal(alerts.GetProperty("unread").GetInt64(), await CountAsync(page, "count-alerts"));
        await WebFixture.ScreenshotAsync(page, "home-work");
    }
}
