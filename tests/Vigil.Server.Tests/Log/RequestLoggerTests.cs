using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Log;

/// <summary>Requests between members and their answers reach the transparency log (organizations, kind, outcome; never the text).</summary>
public sealed class RequestLoggerTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private TestHub Hub => fixture.Hub;

    [Fact]
    public async Task A_request_is_logged_once_per_recipient_and_each_answer_with_its_outcome()
    {
        var agency = await Hub.CreateMemberAsync(Sector.Government);
        var (first, second) = (await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync());
        var subject = "Review accounts " + Guid.NewGuid().ToString("N");
        var sent = await Hub.BearerClient(agency.ApiKey).PostAsJsonAsync("/api/rest/requests", new
        {
            kind = "review-accounts",
            recipientOrgIds = new[] { first.Organization.Id, second.Organization.Id },
            subject,
            body = "Secret details that must not reach the log",
            tlp = "amber",
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var requestId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var answered = await Hub.BearerClient(first.ApiKey).PostAsJsonAsync($"/api/rest/requests/{requestId}/responses", new
        {
            note = "Removed them",
            actions = new[] { new { action = "accounts-removed", count = 40 } },
        });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);

        var mine = await LogEntries.WaitForAsync<LedgerEvent>(Hub, e => e is Vigil.Ledger.Entries.RequestSent s && s.RequestId == requestId
            || e is RequestAnswered a && a.RequestId == requestId, atLeast: 3);
        var log = Hub.Services.GetRequiredService<TransparencyLog>();
        var size = await log.GetSizeAsync();
        Assert.DoesNotContain(await log.ReadEntriesAsync(0, (int)size), e => Encoding.UTF8.GetString(e.Span).Contains("Secret details", StringComparison.Ordinal) ||
            Encoding.UTF8.GetString(e.Span).Contains(subject, StringComparison.Ordinal));

        var sentEntries = mine.OfType<Vigil.Ledger.Entries.RequestSent>().ToList();
        Assert.Equal(new[] { first.Organization.Id, second.Organization.Id }.Order(), sentEntries.Select(e => e.ToOrg).Order());
        Assert.All(sentEntries, e => Assert.Equal((agency.Organization.Id, "review-accounts"), (e.FromOrg, e.RequestType)));
        var answer = Assert.Single(mine.OfType<RequestAnswered>());
        Assert.Equal((first.Organization.Id, "accounts-removed"), (answer.ResponderOrg, answer.Outcome));

        var stats = await Hub.Client.GetFromJsonAsync<JsonElement>("/public/transparency/stats?period=month");
        var requests = stats.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("measure").GetString() == "requests"
            && r.GetProperty("dimensions").GetProperty("from").GetString() == agency.Organization.Name).ToList();
        Assert.Equal(2, requests.Sum(r => r.GetProperty("count").GetInt64()));
    }
}
