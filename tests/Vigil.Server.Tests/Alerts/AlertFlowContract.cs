using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Correlation.Webhooks;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// Watchlists to alerts end to end through the real pipeline: a share through TAXII, the outbox, the dispatcher, the
/// policy check per subscriber, the inbox, signed webhooks to a real HTTP receiver, and the event stream.
/// </summary>
public abstract class AlertFlowContract(AlertHubFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StixBuilder _stix = new();

    private TestHub Hub => fixture.Hub;

    private WebhookReceiver Receiver => fixture.Receiver;

    private static string Domain() => $"ballot-{Guid.NewGuid():N}.example";

    private async Task<(TestMember A, TestMember B, TestMember C, string Collection)> WorldAsync()
    {
        var (a, b, c) = (await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync(Sector.Government), await Hub.CreateMemberAsync());
        var orgs = new[] { a.Organization.Id, b.Organization.Id, c.Organization.Id };
        var collection = await Hub.CreateCollectionAsync(readOrgs: orgs!, writeOrgs: orgs!);
        return (a, b, c, collection.Id);
    }

    private async Task ShareAsync(TestMember member, string collection, params JsonObject[] objects)
    {
        var response = await TaxiiClient.PostAsync(Hub.BearerClient(member.ApiKey), collection, objects);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject Marked(JsonObject stix, TlpLevel level, params string[] recipients)
    {
        stix["object_marking_refs"] = new JsonArray(Tlp.IdOf(level));
        if (recipients.Length > 0)
        {
            stix["x_vigil_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return stix;
    }

    private JsonObject DomainIndicator(string domain, TlpLevel level = TlpLevel.Green, params string[] recipients) =>
        Marked(_stix.Indicator($"[domain-name:value = '{domain}']", DateTimeOffset.UtcNow, name: "Fake results site " + domain), level, recipients);

    private async Task<string> WatchAsync(TestMember member, object body)
    {
        var response = await Hub.BearerClient(member.ApiKey).PostAsJsonAsync("/api/rest/watchlists", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string> HookAsync(TestMember member, string url)
    {
        var response = await Hub.BearerClient(member.ApiKey).PostAsJsonAsync("/api/rest/webhooks", new { url });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("secret").GetString()!;
    }

    private async Task<List<JsonElement>> InboxAsync(TestMember member)
    {
        var page = await Hub.BearerClient(member.ApiKey).GetFromJsonAsync<JsonElement>("/api/rest/alerts?limit=1000");
        return [.. page.GetProperty("alerts").EnumerateArray()];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"gave up waiting for {what}");
    }

    private static async Task<JsonElement> EventuallyElementAsync(Func<Task<JsonElement?>> probe, string what) =>
        (await EventuallyAsync(async () => await probe() is { } element ? new[] { element } : null, what))[0];

    [Fact]
    public async Task A_share_matching_a_watched_value_alerts_the_inbox_a_signed_webhook_and_the_event_stream()
    {
        var (a, b, _, collection) = await WorldAsync();
        var domain = Domain();
        var name = Guid.NewGuid().ToString("N");
        var secret = await HookAsync(a, Receiver.Url("ok", name));
        var watchlist = await WatchAsync(a, new { name = "Results sites", values = new[] { new { kind = "domain", value = domain.ToUpperInvariant() + "." } } });

        using var stream = Hub.BearerClient(a.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rest/alerts/stream");
        using var response = await stream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var indicator = DomainIndicator(domain);
        await ShareAsync(b, collection, indicator);

        var alert = await EventuallyElementAsync(async () => (await InboxAsync(a)).Cast<JsonElement?>().FirstOrDefault(), "the inbox alert");
        Assert.Equal(indicator["id"]!.GetValue<string>(), alert.GetProperty("objectId").GetString());
        Assert.Equal(watchlist, alert.GetProperty("watchlistId").GetString());
        Assert.Equal(["value"], alert.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var delivery = await EventuallyAsync(() => Task.FromResult(Receiver.For(name).FirstOrDefault()), "the webhook delivery");
        var verification = WebhookSignatureVerifier.Verify(delivery.Headers["Vigil-Signature"], delivery.Body, Encoding.UTF8.GetBytes(secret), DateTimeOffset.UtcNow);
        Assert.Equal(WebhookVerification.Valid, verification);
        Assert.Equal(WebhookVerification.SignatureMismatch,
            WebhookSignatureVerifier.Verify(delivery.Headers["Vigil-Signature"], delivery.Body, Encoding.UTF8.GetBytes(secret + "x"), DateTimeOffset.UtcNow));
        Assert.Equal("1", delivery.Headers["Vigil-Delivery-Attempt"]);
        Assert.False(string.IsNullOrEmpty(delivery.Headers["Vigil-Idempotency-Key"]));
        var body = JsonDocument.Parse(delivery.Body).RootElement.GetProperty("alert");
        Assert.Equal(alert.GetProperty("id").GetInt64(), body.GetProperty("id").GetInt64());
        Assert.Equal(domain, body.GetProperty("object").GetProperty("pattern").GetString()!.Split('\'')[1]);

        string? line;
        var sawEvent = false;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            if (line == "event: alert")
            {
                sawEvent = true;
            }
            else if (sawEvent && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Equal(alert.GetProperty("id").GetInt64(), JsonDocument.Parse(line[6..]).RootElement.GetProperty("id").GetInt64());
                break;
            }
        }

        Assert.True(sawEvent, "the stream ended without an alert event");
    }

    [Fact]
    public async Task Alerts_never_reveal_an_object_the_subscriber_may_not_see()
    {
        var (a, b, c, collection) = await WorldAsync();
        var secret = Domain();
        var marker = Domain();
        var aWatch = await WatchAsync(a, new { name = "both", values = new[] { new { kind = "domain", value = secret }, new { kind = "domain", value = marker } } });
        await WatchAsync(c, new { name = "secret", values = new[] { new { kind = "domain", value = secret } } });

        // RED for C only, then a GREEN marker: once A's marker alert exists, the RED share has been dispatched too.
        await ShareAsync(b, collection, DomainIndicator(secret, TlpLevel.Red, c.Organization.IdentityId));
        await ShareAsync(b, collection, DomainIndicator(marker));

        var forA = await EventuallyAsync(async () => await InboxAsync(a) is { Count: > 0 } list ? list : null, "A's marker alert");
        var forC = await EventuallyAsync(async () => await InboxAsync(c) is { Count: > 0 } list ? list : null, "C's alert");
        var only = Assert.Single(forA);
        Assert.Equal(aWatch, only.GetProperty("watchlistId").GetString());
        Assert.Contains(marker, await ObjectPatternAsync(a, only.GetProperty("objectId").GetString()!));
        Assert.Single(forC);

        // A member outside the collection never hears of it, whatever it watches.
        var outsider = await Hub.CreateMemberAsync();
        await WatchAsync(outsider, new { name = "everything", types = new[] { "indicator" } });
        await ShareAsync(b, collection, DomainIndicator(Domain()));
        await ShareAsync(b, collection, DomainIndicator(marker));
        await EventuallyAsync(async () => await InboxAsync(a) is { Count: 2 } list ? list : null, "A's second marker alert");
        Assert.Empty(await InboxAsync(outsider));
    }

    private async Task<string> ObjectPatternAsync(TestMember member, string objectId)
    {
        var detail = await Hub.BearerClient(member.ApiKey).GetFromJsonAsync<JsonElement>($"/api/rest/objects/{objectId}");
        return detail.GetRawText();
    }

    [Fact]
    public async Task Correlated_with_own_shares_label_and_pattern_criteria_alert_with_their_reasons()
    {
        var (a, b, _, collection) = await WorldAsync();
        var url = $"https://{Domain()}/results";
        await ShareAsync(a, collection, Marked(_stix.Url(url), TlpLevel.Green));
        var mine = await WatchAsync(a, new { name = "mine", correlated_with_own_shares = true });
        var labels = await WatchAsync(a, new { name = "labels", labels = new[] { "Voter-Suppression" } });
        var patterns = await WatchAsync(a, new { name = "patterns", patterns = new[] { $"[url:value = '{url}']" } });

        // An indicator on a tracking-tagged form of the URL (same normalized value), labelled; and B's own sighting of the URL itself.
        var indicator = Marked(_stix.Indicator($"[url:value = '{url}?utm_source=x']", DateTimeOffset.UtcNow), TlpLevel.Green);
        indicator["labels"] = new JsonArray("voter-suppression");
        await ShareAsync(b, collection, indicator, Marked(_stix.Url(url), TlpLevel.Green));

        var alerts = await EventuallyAsync(async () => await InboxAsync(a) is { Count: >= 4 } list ? list : null, "four alerts");
        var got = alerts.Select(x => (x.GetProperty("objectType").GetString(), x.GetProperty("watchlistId").GetString(),
            string.Join('+', x.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())))).Order().ToList();
        Assert.Equal(
            new (string?, string?, string)[]
            {
                ("indicator", labels, "label"), ("indicator", mine, "correlated-with-own-share"),
                ("url", mine, "correlated-with-own-share"), ("url", patterns, "pattern"),
            }.Order(),
            got);
    }

    [Fact]
    public async Task A_sighting_alerts_watchers_of_the_sighted_objects_values_only_when_they_may_see_that_object()
    {
        var (a, b, c, collection) = await WorldAsync();
        var (open, secret, marker) = (Domain(), Domain(), Domain());
        await WatchAsync(a, new { name = "sites", values = new[] { new { kind = "domain", value = open }, new { kind = "domain", value = secret }, new { kind = "domain", value = marker } } });
        var openIndicator = DomainIndicator(open);
        var secretIndicator = DomainIndicator(secret, TlpLevel.Red, c.Organization.IdentityId);
        await ShareAsync(b, collection, openIndicator, secretIndicator);

        async Task SightAsync(string target)
        {
            var response = await Hub.BearerClient(c.ApiKey).PostAsJsonAsync("/api/rest/sightings",
                new { sighting_of_ref = target, collection, count = 12, tlp = "green" });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        await SightAsync(openIndicator["id"]!.GetValue<string>());
        await SightAsync(secretIndicator["id"]!.GetValue<string>());
        await ShareAsync(b, collection, DomainIndicator(marker));

        var alerts = await EventuallyAsync(async () => await InboxAsync(a) is { Count: >= 3 } list
            && list.Any(x => x.GetProperty("objectType").GetString() == "indicator" && x.GetProperty("objectId").GetString() != openIndicator["id"]!.GetValue<string>())
            ? list : null, "the marker alert");
        var sightings = alerts.Where(x => x.GetProperty("objectType").GetString() == "sighting").ToList();
        var sighting = Assert.Single(sightings);
        Assert.Equal(["value"], sighting.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(alerts, x => x.GetProperty("objectId").GetString() == secretIndicator["id"]!.GetValue<string>());
        Assert.Equal(3, alerts.Count);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_then_dead_lettered_and_can_be_redelivered_while_a_hanging_one_holds_up_nobody()
    {
        var (a, b, c, collection) = await WorldAsync();
        var domain = Domain();
        var (failing, hanging, healthy, redirecting) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await HookAsync(a, Receiver.Url("fail", failing));
        await HookAsync(a, Receiver.Url("hang", hanging));
        await HookAsync(c, Receiver.Url("ok", healthy));
        await HookAsync(c, Receiver.Url("redirect", redirecting));
        await WatchAsync(a, new { name = "x", values = new[] { new { kind = "domain", value = domain } } });
        await WatchAsync(c, new { name = "x", values = new[] { new { kind = "domain", value = domain } } });

        await ShareAsync(b, collection, DomainIndicator(domain));

        await EventuallyAsync(() => Task.FromResult(Receiver.For(healthy).FirstOrDefault()), "the healthy receiver's delivery");
        var hooks = await Hub.BearerClient(a.ApiKey).GetFromJsonAsync<JsonElement>("/api/rest/webhooks");
        var failingId = hooks.EnumerateArray().Single(h => h.GetProperty("url").GetString()!.Contains(failing, StringComparison.Ordinal)).GetProperty("id").GetString();
        var dead = await EventuallyElementAsync(async () =>
        {
            var list = await Hub.BearerClient(a.ApiKey).GetFromJsonAsync<JsonElement>($"/api/rest/webhooks/{failingId}/deliveries?status=dead");
            return list.GetArrayLength() > 0 ? (JsonElement?)list[0] : null;
        }, "the dead letter");
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("HTTP 500", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var attempts = Receiver.For(failing);
        Assert.Equal(["1", "2", "3"], attempts.Select(r => r.Headers["Vigil-Delivery-Attempt"]));
        Assert.Single(attempts.Select(r => r.Headers["Vigil-Idempotency-Key"]).Distinct());

        var redeliver = await Hub.BearerClient(a.ApiKey).PostAsync($"/api/rest/webhooks/{failingId}/deliveries/{dead.GetProperty("id").GetInt64()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await EventuallyAsync(() => Task.FromResult(Receiver.For(failing).Count >= 4 ? "again" : null), "the redelivery");
        Assert.Equal(HttpStatusCode.NotFound,
            (await Hub.BearerClient(c.ApiKey).PostAsync($"/api/rest/webhooks/{failingId}/deliveries/{dead.GetProperty("id").GetInt64()}/redeliver", null)).StatusCode);

        var hangingId = hooks.EnumerateArray().Single(h => h.GetProperty("url").GetString()!.Contains(hanging, StringComparison.Ordinal)).GetProperty("id").GetString();
        var timedOut = await EventuallyElementAsync(async () =>
        {
            var list = await Hub.BearerClient(a.ApiKey).GetFromJsonAsync<JsonElement>($"/api/rest/webhooks/{hangingId}/deliveries?status=dead");
            return list.GetArrayLength() > 0 ? (JsonElement?)list[0] : null;
        }, "the hanging endpoint's dead letter");
        Assert.Contains("timed out", timedOut.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // A redirect is a failure, never followed: the receiver's target of the redirect hears nothing.
        var cHooks = await Hub.BearerClient(c.ApiKey).GetFromJsonAsync<JsonElement>("/api/rest/webhooks");
        var redirectId = cHooks.EnumerateArray().Single(h => h.GetProperty("url").GetString()!.Contains(redirecting, StringComparison.Ordinal)).GetProperty("id").GetString();
        var redirected = await EventuallyElementAsync(async () =>
        {
            var list = await Hub.BearerClient(c.ApiKey).GetFromJsonAsync<JsonElement>($"/api/rest/webhooks/{redirectId}/deliveries?status=dead");
            return list.GetArrayLength() > 0 ? (JsonElement?)list[0] : null;
        }, "the redirecting endpoint's dead letter");
        Assert.Contains("HTTP 302", redirected.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.All(Receiver.For(redirecting), r => Assert.Equal("redirect", r.Behaviour));
    }

    [Fact]
    public async Task Bad_watchlists_and_webhooks_are_refused_naming_the_field_and_nobody_sees_another_members_lists()
    {
        var (a, b, _, _) = await WorldAsync();
        var client = Hub.BearerClient(a.ApiKey);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/watchlists", new { name = "x", values = new[] { new { kind = "phone", value = "1" } } }), "values[0].kind");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/watchlists", new { name = "x", patterns = new[] { "[domain-name:value = " } }), "patterns[0]");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/watchlists", new { name = "x" }), "body");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/watchlists", new { name = "", types = new[] { "indicator" } }), "name");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/watchlists", new { name = "x", campaign_ids = new[] { "campaign--nope" } }), "campaign_ids[0]");
        await AssertProblemAsync(await client.PostAsync("/api/rest/watchlists", new StringContent("{\"name\": 5", Encoding.UTF8, "application/json")), "name");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/webhooks", new { url = "http://example.org/hook" }), "url");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/rest/webhooks", new { url = "not a url" }), "url");

        var id = await WatchAsync(a, new { name = "mine", types = new[] { "campaign" } });
        var other = Hub.BearerClient(b.ApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/rest/watchlists/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/rest/watchlists/{id}")).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/rest/watchlists")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync("/api/rest/alerts/999999/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Client.GetAsync("/api/rest/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/rest/watchlists/{id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/rest/watchlists")).EnumerateArray());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {body}");
    }
}
