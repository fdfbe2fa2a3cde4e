using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Core.Members;
using Vigil.Storage.Members;

namespace Vigil.Benchmarks.Alerts;

/// <summary>
/// The alert fan-out load test: a hub on Kestrel (SQLite in a temporary directory), <c>subscriptions</c> watchlists spread
/// over 100 member organizations, each organization with a webhook to a receiver on 127.0.0.1; a poster shares
/// <c>rate</c> indicators per minute for <c>minutes</c>, each on one watched domain, in envelopes of 100 every 600 ms.
/// Delivery latency is the receiver's clock minus the poster's clock when the envelope was sent (both in this process).
/// Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- alerts-fanout [subscriptions] [rate] [minutes]</c>.
/// </summary>
public static class AlertFanoutLoad
{
    private const int Orgs = 100;
    private const string MediaType = "application/taxii+json;version=2.1";

    public static async Task<int> RunAsync(string[] args)
    {
        var subscriptions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var perMinute = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var minutes = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();

        await using var receiver = await ReceiverAsync(sent, latencies, clock);
        var receiverAddress = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var hub = await LoadHub.StartAsync("vigil-fanout-");
        var hubAddress = hub.Address;
        var members = hub.Services.GetRequiredService<IMemberStore>();

        Console.WriteLine($"setting up {Orgs} members, {subscriptions} watchlists, {Orgs} webhooks");
        var keys = new List<string>();
        var orgIds = new List<string>();
        for (var o = 0; o < Orgs; o++)
        {
            var org = await members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = $"Bench member {o}", Sector = Sector.Platform, IdentityId = string.Empty });
            var (_, secret) = await members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "bench" });
            keys.Add(secret);
            orgIds.Add(org.Id);
        }

        // The poster is a member of its own: a member's own shares do not alert its watchlists.
        var posterOrg = await members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Bench poster", Sector = Sector.Government, IdentityId = string.Empty });
        var (_, posterKey) = await members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = posterOrg.Id, Name = "bench" });
        orgIds.Add(posterOrg.Id);
        var collection = await members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty, ApiRoot = "vigil", Title = "Fan-out bench", ReadOrgIds = orgIds, WriteOrgIds = orgIds, DefaultTlp = Vigil.Core.Sharing.TlpLevel.Green,
        });
        var domains = new string[subscriptions];
        for (var s = 0; s < subscriptions; s++)
        {
            domains[s] = $"watched-{s}.example";
            using var client = Client(hubAddress, keys[s % Orgs]);
            var response = await client.PostAsJsonAsync("/api/rest/watchlists", new { name = $"w{s}", values = new[] { new { kind = "domain", value = domains[s] } } });
            response.EnsureSuccessStatusCode();
        }

        for (var o = 0; o < Orgs; o++)
        {
            using var client = Client(hubAddress, keys[o]);
            (await client.PostAsJsonAsync("/api/rest/webhooks", new { url = $"{receiverAddress}/hook/{o}" })).EnsureSuccessStatusCode();
        }

        var total = (int)(perMinute * minutes);
        const int EnvelopeSize = 100;
        var interval = TimeSpan.FromMinutes(EnvelopeSize / (double)perMinute);
        var poster = Client(hubAddress, posterKey);
        var random = new Random(7);
        Console.WriteLine($"posting {total} indicators at {perMinute}/min ({EnvelopeSize} per envelope every {interval.TotalMilliseconds:0} ms)");
        var start = clock.Elapsed;
        for (var done = 0; done < total; done += EnvelopeSize)
        {
            var due = start + (interval * (done / EnvelopeSize));
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var objects = new JsonArray();
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            for (var i = 0; i < Math.Min(EnvelopeSize, total - done); i++)
            {
                var id = "indicator--" + Guid.NewGuid().ToString("D");
                sent[id] = clock.ElapsedTicks;
                objects.Add(new JsonObject
                {
                    ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = id, ["created"] = now, ["modified"] = now, ["valid_from"] = now,
                    ["pattern_type"] = "stix", ["pattern"] = $"[domain-name:value = '{domains[random.Next(subscriptions)]}']",
                });
            }

            using var content = new StringContent(new JsonObject { ["objects"] = objects }.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
            using var response = await poster.PostAsync($"/taxii2/vigil/collections/{collection.Id}/objects/", content);
            if ((int)response.StatusCode != 202)
            {
                throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
        while (latencies.Count < total && clock.Elapsed < deadline)
        {
            await Task.Delay(100);
        }

        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"delivered {sorted.Length} of {total} alerts");
        if (sorted.Length < total)
        {
            await ReportUndeliveredAsync(hubAddress, keys);
        }

        if (sorted.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"delivery latency ms: p50 {Percentile(sorted, 0.50):0.0}, p90 {Percentile(sorted, 0.90):0.0}, p99 {Percentile(sorted, 0.99):0.0}, max {sorted[^1]:0.0}"));
        }

        return sorted.Length == total ? 0 : 1;
    }

    private static async Task ReportUndeliveredAsync(Uri hub, List<string> keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? error = null;
        var alerts = 0;
        foreach (var key in keys)
        {
            using var client = Client(hub, key);
            alerts += (await client.GetFromJsonAsync<JsonElement>("/api/rest/alerts?limit=1000")).GetProperty("alerts").GetArrayLength();
            foreach (var hook in (await client.GetFromJsonAsync<JsonElement>("/api/rest/webhooks")).EnumerateArray())
            {
                foreach (var delivery in (await client.GetFromJsonAsync<JsonElement>($"/api/rest/webhooks/{hook.GetProperty("id").GetString()}/deliveries?limit=1000")).EnumerateArray())
                {
                    var status = delivery.GetProperty("status").GetString()!;
                    counts[status] = counts.GetValueOrDefault(status) + 1;
                    error ??= delivery.GetProperty("lastError").GetString();
                }
            }
        }

        Console.WriteLine($"alerts in inboxes: {alerts}; deliveries: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}; first error: {error}");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static HttpClient Client(Uri hub, string key)
    {
        var client = new HttpClient { BaseAddress = hub };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        client.DefaultRequestHeaders.Accept.ParseAdd(MediaType);
        return client;
    }

    private static async Task<WebApplication> ReceiverAsync(ConcurrentDictionary<string, long> sent, ConcurrentBag<double> latencies, Stopwatch clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost("/hook/{org}", async (HttpContext context) =>
        {
            var received = clock.ElapsedTicks;
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var objectId = body.RootElement.GetProperty("alert").GetProperty("objectId").GetString()!;
            if (sent.TryGetValue(objectId, out var at))
            {
                latencies.Add((received - at) * 1000.0 / Stopwatch.Frequency);
            }

            return Results.NoContent();
        });
        await app.StartAsync();
        return app;
    }
}
