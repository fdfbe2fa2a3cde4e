using System.Net;
using System.Text;
using System.Text.Json;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Server.Enrichment;

namespace Vigil.Server.Tests.Enrichment;

public sealed class IndicatorMatchTests(EnrichmentHub hub) : IClassFixture<EnrichmentHub>
{
    private sealed record Exchange(HttpClient Author, HttpClient B, HttpClient C, string CollectionId, string BIdentity);

    private async Task<Exchange> ExchangeAsync()
    {
        var (a, aKey) = await hub.CreateMemberAsync();
        var (b, bKey) = await hub.CreateMemberAsync(Sector.ElectionOffice);
        var (c, cKey) = await hub.CreateMemberAsync(Sector.Government);
        var collection = await hub.CreateCollectionAsync(readOrgs: [b.Id, c.Id], writeOrgs: [a.Id]);
        return new Exchange(hub.BearerClient(aKey), hub.BearerClient(bKey), hub.BearerClient(cKey), collection.Id, b.IdentityId);
    }

    private static async Task<JsonElement> MatchAsync(HttpClient client, params object[] observables)
    {
        using var response = await EnrichmentHub.PostJsonAsync(client, EnrichmentApi.MatchPath, new { observables });
        return await EnrichmentHub.JsonAsync(response, HttpStatusCode.OK);
    }

    private static int[] IndicesOf(JsonElement result, string indicatorId) =>
        result.GetProperty("matches").EnumerateArray()
            .Where(m => m.GetProperty("id").GetString() == indicatorId)
            .SelectMany(m => m.GetProperty("observables").EnumerateArray().Select(i => i.GetInt32()))
            .ToArray();

    private static string[] Ids(JsonElement result) =>
        [.. result.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

    private static string UniqueHost() => $"results-{Guid.NewGuid():N}"[..20] + ".example";

    [Fact]
    public async Task Url_indicator_shared_amber_to_org_b_matches_for_b_and_not_for_c()
    {
        var exchange = await ExchangeAsync();
        var url = $"https://{UniqueHost()}/live";
        var indicator = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.AmberId, recipients: [exchange.BIdentity]);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, indicator);

        var observables = new object[] { new { type = "domain-name", value = "unrelated.example" }, new { type = "url", value = url } };
        var forB = await MatchAsync(exchange.B, observables);
        Assert.Equal([1], IndicesOf(forB, (string)indicator["id"]!));

        var forC = await MatchAsync(exchange.C, observables);
        Assert.Empty(forC.GetProperty("matches").EnumerateArray());
        Assert.Equal(2, forC.GetProperty("observables").GetInt32());
    }

    [Fact]
    public async Task Match_answers_list_the_objects_correlated_with_each_value_as_far_as_the_reader_may_see()
    {
        var exchange = await ExchangeAsync();
        var host = UniqueHost();
        var url = $"https://{host}/live";
        var amberForB = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.AmberId, recipients: [exchange.BIdentity]);
        var green = EnrichmentStix.Indicator($"[domain-name:value = '{host}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, amberForB, green);

        var observables = new object[] { new { type = "url", value = url + "?utm_source=feed" }, new { type = "domain-name", value = host.ToUpperInvariant() } };
        var forB = await MatchAsync(exchange.B, observables);
        var forC = await MatchAsync(exchange.C, observables);

        static Dictionary<string, (int[] Observables, string[] Objects)> Correlated(JsonElement result) =>
            result.GetProperty("correlated").EnumerateArray().ToDictionary(
                c => c.GetProperty("key").GetString()!,
                c => (c.GetProperty("observables").EnumerateArray().Select(i => i.GetInt32()).ToArray(),
                    c.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).Order().ToArray()));

        // The URL's normalized value (tracking parameter dropped) touches the AMBER indicator; its domain touches both.
        var b = Correlated(forB);
        Assert.Equal([0], b[$"url:{url}"].Observables);
        Assert.Equal([(string)amberForB["id"]!], b[$"url:{url}"].Objects);
        Assert.Equal([0, 1], b[$"domain:{host}"].Observables);
        Assert.Equal(new[] { (string)amberForB["id"]!, (string)green["id"]! }.Order().ToArray(), b[$"domain:{host}"].Objects);

        var c = Correlated(forC);
        Assert.False(c.ContainsKey($"url:{url}"));
        Assert.Equal([(string)green["id"]!], c[$"domain:{host}"].Objects);
    }

    [Fact]
    public async Task Like_prefix_pattern_matches_every_url_under_the_prefix_and_nothing_else()
    {
        var exchange = await ExchangeAsync();
        var host = UniqueHost();
        var indicator = EnrichmentStix.Indicator($"[url:value LIKE 'https://{host}/ballot/%']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, indicator);

        var result = await MatchAsync(exchange.C,
            new { type = "url", value = $"https://{host}/ballot/drop-box-closed" },
            new { type = "url", value = $"https://{host}/about" },
            new { type = "url", value = $"https://{host}/ballot/2026/mail-in" });
        Assert.Equal([0, 2], IndicesOf(result, (string)indicator["id"]!));
    }

    [Fact]
    public async Task Domain_pattern_matches_regardless_of_case_and_trailing_dot()
    {
        var exchange = await ExchangeAsync();
        var host = UniqueHost();
        var indicator = EnrichmentStix.Indicator($"[domain-name:value = '{host.ToUpperInvariant()}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, indicator);

        var result = await MatchAsync(exchange.B, new { type = "domain-name", value = host + "." }, new { type = "domain-name", value = "Other-" + host });
        Assert.Equal([0], IndicesOf(result, (string)indicator["id"]!));
    }

    [Fact]
    public async Task Account_hash_and_tracking_parameter_observables_match_their_indicators()
    {
        var exchange = await ExchangeAsync();
        var handle = "poll_watch_" + Guid.NewGuid().ToString("N")[..8];
        var sha = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var url = $"https://{UniqueHost()}/vote";
        var account = EnrichmentStix.Indicator($"[user-account:account_login = '{handle}' AND user-account:account_type = 'twitter']", Tlp.GreenId);
        var file = EnrichmentStix.Indicator($"[file:hashes.'SHA-256' = '{sha.ToUpperInvariant()}']", Tlp.GreenId);
        var link = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, account, file, link);

        var result = await MatchAsync(exchange.B,
            new { type = "user-account", account_login = handle, x_platform = "Twitter" },
            new { type = "file", hashes = new Dictionary<string, string> { ["SHA-256"] = sha } },
            new { type = "url", value = url + "?utm_source=newsletter&fbclid=abc" });
        Assert.Equal([0], IndicesOf(result, (string)account["id"]!));
        Assert.Equal([1], IndicesOf(result, (string)file["id"]!));
        Assert.Equal([2], IndicesOf(result, (string)link["id"]!));
    }

    [Fact]
    public async Task Revoked_and_expired_indicators_do_not_match()
    {
        var exchange = await ExchangeAsync();
        var url = $"https://{UniqueHost()}/count";
        var expired = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.GreenId, validUntil: "2026-04-03T00:00:00.000Z");
        var revoked = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.GreenId);
        var active = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, expired, revoked, active);
        Assert.Equal(2, Ids(await MatchAsync(exchange.B, new { type = "url", value = url })).Length);

        var revocation = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.GreenId, id: (string)revoked["id"]!, modified: "2026-04-02T10:00:00.000Z", revoked: true);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, revocation);

        Assert.Equal([(string)active["id"]!], Ids(await MatchAsync(exchange.B, new { type = "url", value = url })));
    }

    [Fact]
    public async Task Indicator_shared_after_a_match_is_found_by_the_next_match()
    {
        var exchange = await ExchangeAsync();
        var host = UniqueHost();
        var first = EnrichmentStix.Indicator($"[domain-name:value = '{host}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, first);
        Assert.Single(Ids(await MatchAsync(exchange.B, new { type = "domain-name", value = host })));

        var second = EnrichmentStix.Indicator($"[domain-name:value = '{host}' OR url:value = 'https://{host}/']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, second);
        var ids = Ids(await MatchAsync(exchange.B, new { type = "domain-name", value = host }));
        Assert.Equal(new[] { (string)first["id"]!, (string)second["id"]! }.Order(), ids.Order());
    }

    [Fact]
    public async Task New_version_of_an_indicator_replaces_its_pattern()
    {
        var exchange = await ExchangeAsync();
        var before = $"https://{UniqueHost()}/old";
        var after = $"https://{UniqueHost()}/new";
        var indicator = EnrichmentStix.Indicator($"[url:value = '{before}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, indicator);
        Assert.Single(Ids(await MatchAsync(exchange.B, new { type = "url", value = before })));

        var revised = EnrichmentStix.Indicator($"[url:value = '{after}']", Tlp.GreenId, id: (string)indicator["id"]!, modified: "2026-04-02T11:00:00.000Z");
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, revised);

        var result = await MatchAsync(exchange.B, new { type = "url", value = before }, new { type = "url", value = after });
        Assert.Equal([1], IndicesOf(result, (string)indicator["id"]!));
        Assert.Equal($"[url:value = '{after}']", Assert.Single(result.GetProperty("matches").EnumerateArray()).GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task Ten_thousand_and_one_observables_are_refused_with_the_limit_named()
    {
        var exchange = await ExchangeAsync();
        var observables = Enumerable.Range(0, MatchObservations.MaxObservables + 1).Select(i => new { type = "domain-name", value = $"d{i}.example" }).ToArray();
        using var response = await EnrichmentHub.PostJsonAsync(exchange.B, EnrichmentApi.MatchPath, new { observables });
        var problem = await EnrichmentHub.JsonAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("10001", detail, StringComparison.Ordinal);
        Assert.Contains("at most 10000", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_ten_thousand_observables_are_matched()
    {
        var exchange = await ExchangeAsync();
        var host = UniqueHost();
        var indicator = EnrichmentStix.Indicator($"[domain-name:value = '{host}']", Tlp.GreenId);
        await EnrichmentHub.ShareAsync(exchange.Author, exchange.CollectionId, indicator);
        var observables = Enumerable.Range(0, MatchObservations.MaxObservables)
            .Select(i => (object)new { type = "domain-name", value = i == 9_999 ? host : $"d{i}.example" }).ToArray();

        var result = await MatchAsync(exchange.B, observables);
        Assert.Equal([9_999], IndicesOf(result, (string)indicator["id"]!));
    }

    [Theory]
    [InlineData("""{"observables":[{"type":"url","value":"https://a.example/"}, 5]}""", "$.observables[1]")]
    [InlineData("""{"observables":[{"type":"url","value":"https://a.example/"}, {"value":"x"}]}""", "$.observables[1].type")]
    [InlineData("""{"observables":[{"type":"url","value":42}]}""", "$.observables[0].value")]
    [InlineData("""{"observables":[null]}""", "$.observables[0]")]
    [InlineData("""{"observations":[]}""", "$.observables")]
    [InlineData("""{"observables":[{"type":"url",""", "$.observables[0]")]
    public async Task Malformed_body_gets_400_naming_the_path(string body, string path)
    {
        var exchange = await ExchangeAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await exchange.B.PostAsync(EnrichmentApi.MatchPath, content);
        var problem = await EnrichmentHub.JsonAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.True(fields.Any(f => f.StartsWith(path, StringComparison.Ordinal)), $"no error names {path}: {problem}");
    }

    [Fact]
    public async Task Anonymous_caller_gets_401()
    {
        using var response = await EnrichmentHub.PostJsonAsync(hub.Client, EnrichmentApi.MatchPath, new { observables = new[] { new { type = "url", value = "https://a.example/" } } });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
