using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Demo;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cases;

/// <summary>The demo's elections, cases and requests: each member sees only what it is party to, and seeding again adds nothing.</summary>
public sealed class DemoCasesTests(DemoHubFixture demo) : IClassFixture<DemoHubFixture>
{
    private async Task<JsonElement> GetAsync(string user, string url) => await demo.ClientFor(user).GetFromJsonAsync<JsonElement>(url);

    private static string[] Titles(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Each_member_sees_the_demo_cases_and_requests_it_is_party_to()
    {
        Assert.Equal(["Impersonating 'Lakemoor Vote Alerts' accounts (demo)", "Mail ballot 're-verification' scam (demo)"],
            Titles(await GetAsync("task-force-analyst", "/api/rest/cases")));
        Assert.Equal(["Mail ballot 're-verification' scam (demo)", "Synthetic audio of the county clerk (demo)"],
            Titles(await GetAsync("lakemoor-admin", "/api/rest/cases")));
        Assert.Empty(Titles(await GetAsync("open-signals-researcher", "/api/rest/cases")));

        var inbox = await GetAsync("northwind-analyst", "/api/rest/requests/inbox");
        Assert.Equal(["answered", "open"], inbox.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("status").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await GetAsync("bluejay-analyst", "/api/rest/requests/inbox?status=open")).GetProperty("total").GetInt64());
        Assert.Equal(1, (await GetAsync("cyber-agency-analyst", "/api/rest/requests/inbox")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync("open-signals-researcher", "/api/rest/requests/inbox")).GetProperty("total").GetInt64());

        var calendar = await GetAsync("open-signals-researcher", "/api/rest/elections");
        var general = calendar.EnumerateArray().Single(e => e.GetProperty("name").GetString() == DemoCases.GeneralElection).GetProperty("id").GetString();
        Assert.Equal(2, (await GetAsync("lakemoor-admin", $"/api/rest/elections/{general}")).GetProperty("cases").GetArrayLength());
        Assert.Equal(2, (await GetAsync("task-force-analyst", $"/api/rest/elections/{general}")).GetProperty("cases").GetArrayLength());
        Assert.Equal(0, (await GetAsync("open-signals-researcher", $"/api/rest/elections/{general}")).GetProperty("cases").GetArrayLength());

        var scam = (await GetAsync("task-force-analyst", "/api/rest/cases?status=in-progress")).GetProperty("items")[0].GetProperty("id").GetString();
        var detail = await GetAsync("task-force-analyst", $"/api/rest/cases/{scam}");
        Assert.Equal(2, detail.GetProperty("attachments").GetArrayLength());

        // The office's request about the case went to the platforms: a party to the case that neither sent nor received it does not see it.
        Assert.Empty(detail.GetProperty("requests").EnumerateArray());
        Assert.Single((await GetAsync("lakemoor-admin", $"/api/rest/cases/{scam}")).GetProperty("requests").EnumerateArray());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = (await GetAsync("task-force-analyst", "/api/rest/cases")).GetProperty("total").GetInt64();
        await demo.Hub.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        Assert.Equal(before, (await GetAsync("task-force-analyst", "/api/rest/cases")).GetProperty("total").GetInt64());
        Assert.Single((await GetAsync("task-force-analyst", "/api/rest/elections")).EnumerateArray(), e => e.GetProperty("name").GetString() == DemoCases.GeneralElection);
    }
}
