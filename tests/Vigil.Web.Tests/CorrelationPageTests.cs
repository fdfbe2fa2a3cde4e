using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Storage.Members;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests;

/// <summary>The Correlation part's pages in headless Chromium: the value page under the sharing policy, and the alert inbox.</summary>
public sealed class CorrelationPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Sharer = "northwind-analyst";
    private const string Agency = "cyber-agency-analyst";
    private const string Researcher = "open-signals-researcher";
    private const string MediaType = "application/taxii+json;version=2.1";
    private readonly StixBuilder _stix = new();

    private async Task<string> CollectionAsync()
    {
        using var client = web.Hub.ApiClient(Sharer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "taxii2/vigil/collections/");
        request.Headers.TryAddWithoutValidation("Accept", MediaType);
        using var response = await client.SendAsync(request);
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("collections");
        return list.EnumerateArray().First(c => c.GetProperty("title").GetString() == "Election threats").GetProperty("id").GetString()!;
    }

    private async Task<string> IdentityOfAsync(string orgId) =>
        (await web.Hub.App.Services.GetRequiredService<IMemberStore>().GetOrganizationAsync(orgId))!.IdentityId;

    private async Task ShareAsync(string user, params JsonObject[] objects)
    {
        using var client = web.Hub.ApiClient(user);
        var body = new JsonObject { ["objects"] = new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]) }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"taxii2/vigil/collections/{await CollectionAsync()}/objects/") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", MediaType);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    private JsonObject Indicator(string domain, TlpLevel level, params string[] recipients)
    {
        var indicator = _stix.Indicator($"[domain-name:value = '{domain}']", DateTimeOffset.UtcNow, name: "Fake polling-place site " + domain);
        indicator["object_marking_refs"] = new JsonArray(Tlp.IdOf(level));
        if (recipients.Length > 0)
        {
            indicator["x_vigil_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return indicator;
    }

    [Fact]
    public async Task Value_page_shows_who_reported_a_value_as_far_as_the_reader_may_see()
    {
        var domain = $"polling-{Guid.NewGuid():N}"[..20] + ".example";
        var open = Indicator(domain, TlpLevel.Green);
        var red = Indicator(domain, TlpLevel.Red, await IdentityOfAsync("civic-cyber-agency"));
        await ShareAsync(Sharer, open, red);

        var agency = await web.SignedInPageAsync(Agency);
        await agency.GotoAsync("/correlation?kind=domain&value=" + Uri.EscapeDataString(domain.ToUpperInvariant() + "."));
        var agencyRows = agency.Locator("table.objects tbody tr");
        Assert.Equal(2, await agencyRows.CountAsync());
        Assert.Contains($"domain:{domain}", await agency.Locator("dl.properties").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await agency.Locator("table.objects .tlp-red").CountAsync());
        await WebFixture.ScreenshotAsync(agency, "correlation-value");

        var researcher = await web.SignedInPageAsync(Researcher);
        await researcher.GotoAsync("/correlation?kind=domain&value=" + Uri.EscapeDataString(domain));
        Assert.Equal(1, await researcher.Locator("table.objects tbody tr").CountAsync());
        Assert.Equal(0, await researcher.Locator("table.objects .tlp-red").CountAsync());
        Assert.DoesNotContain(red["id"]!.GetValue<string>(), await researcher.ContentAsync(), StringComparison.Ordinal);

        var bad = await researcher.GotoAsync("/correlation?kind=phone&value=1");
        Assert.Equal(400, bad!.Status);
        Assert.Contains("Choose a kind", await researcher.Locator("#error-kind").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_inbox_lists_a_watchlist_hit_and_marks_it_read()
    {
        var domain = $"ballots-{Guid.NewGuid():N}"[..20] + ".example";
        using (var api = web.Hub.ApiClient(Agency))
        {
            var created = await api.PostAsJsonAsync("api/rest/watchlists", new { name = "Ballot sites", values = new[] { new { kind = "domain", value = domain } } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var indicator = Indicator(domain, TlpLevel.Green);
        await ShareAsync(Sharer, indicator);
        using (var api = web.Hub.ApiClient(Agency))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(await api.GetStringAsync("api/rest/alerts?unread=true&limit=1000")).Contains(indicator["id"]!.GetValue<string>(), StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "the alert never reached the inbox");
                await Task.Delay(50);
            }
        }

        var page = await web.SignedInPageAsync(Agency);
        await page.GotoAsync("/correlation/alerts");
        var row = page.Locator("table.alerts tbody tr", new() { HasText = indicator["id"]!.GetValue<string>() });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Ballot sites", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("unread", await row.InnerTextAsync(), StringComparison.Ordinal);
        await WebFixture.ScreenshotAsync(page, "correlation-alerts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("0", await page.Locator("#unread-count").InnerTextAsync());
        Assert.DoesNotContain("unread", await page.Locator("table.alerts tbody tr", new() { HasText = indicator["id"]!.GetValue<string>() }).InnerTextAsync(),
            StringComparison.Ordinal);
    }
}
