using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests.Response;

/// <summary>
/// The live board in two browser contexts at once, connected over the SignalR hub: a new case and an overdue request
/// appear for both parties, never for others.
/// </summary>
public sealed class BoardUiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Agency = "cyber-agency-analyst";
    private const string Platform = "northwind-analyst";
    private const string Outsider = "open-signals-researcher";

    [Fact]
    public async Task Both_parties_boards_update_live_and_an_outsiders_does_not()
    {
        var agencyBoard = await web.SignedInPageAsync(Agency);
        var platformBoard = await web.SignedInPageAsync(Platform);
        var outsiderBoard = await web.SignedInPageAsync(Outsider);
        foreach (var page in new[] { agencyBoard, platformBoard, outsiderBoard })
        {
            await page.GotoAsync("/response/board");
            await page.WaitForSelectorAsync("#board-status:has-text('Live')");
            Assert.Equal("signalr", await page.Locator("#board").GetAttributeAsync("data-transport"));
        }

        var title = "Robocalls giving the wrong election date " + Guid.NewGuid().ToString("N")[..6];
        using var api = web.Hub.ApiClient(Agency);
        var created = await api.PostAsJsonAsync("api/rest/cases", new
        {
            title,
            type = "voter-suppression",
            severity = "critical",
            summary = "Calls tell voters the election is on Wednesday.",
            jurisdictions = new[] { new { country = "US", state = "PA" } },
            partyOrgIds = new[] { "northwind-social" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var request = await api.PostAsJsonAsync("api/rest/requests", new
        {
            kind = "review-content",
            recipientOrgIds = new[] { "northwind-social" },
            subject = "Review the robocall recordings " + title[^6..],
            body = "Numbers attached.",
            tlp = "amber",
            deadline = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
            caseId,
        });
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);

        // Both parties see the case in the feed and the overdue request in red, without reloading the page.
        foreach (var page in new[] { agencyBoard, platformBoard })
        {
            await page.Locator("#board .feed").GetByText(title).WaitForAsync(new() { Timeout = 10_000 });
            await page.Locator("#board tr[data-sla='red']", new() { HasText = "robocall recordings" }).WaitForAsync(new() { Timeout = 10_000 });
            Assert.Contains("PA", await page.Locator("#open-by-jurisdiction").Locator("..").InnerTextAsync(), StringComparison.Ordinal);
        }

        await WebFixture.ScreenshotAsync(platformBoard, "response-board");
        Assert.Equal(0, await outsiderBoard.Locator("#board").GetByText(title).CountAsync());
        Assert.DoesNotContain(title, await outsiderBoard.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_websockets_the_board_falls_back_to_server_sent_events_and_still_updates()
    {
        var page = await web.SignedInPageAsync(Agency);
        await page.AddInitScriptAsync("delete window.WebSocket;");
        await page.GotoAsync("/response/board");
        await page.WaitForSelectorAsync("#board-status:has-text('Live')");
        Assert.Equal("events", await page.Locator("#board").GetAttributeAsync("data-transport"));

        var title = "Flyers with the wrong polling place " + Guid.NewGuid().ToString("N")[..6];
        using var api = web.Hub.ApiClient(Agency);
        var created = await api.PostAsJsonAsync("api/rest/cases", new
        {
            title,
            type = "voter-suppression",
            severity = "high",
            summary = "Flyers name a closed school as the polling place.",
            jurisdictions = new[] { new { country = "US", state = "OH" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await page.Locator("#board .feed").GetByText(title).WaitForAsync(new() { Timeout = 10_000 });
    }
}
