using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Storage.Members;

namespace Vigil.Benchmarks.Response;

/// <summary>
/// Server time of the web pages with a large hub: a hub on Kestrel (SQLite in a temporary directory), <c>objects</c>
/// indicators posted through TAXII by one platform and <c>cases</c> cases opened through REST by an agency with the
/// platform as party; then each page is fetched <c>runs</c> times in a row by the platform's analyst (Bearer, as pages
/// accept it) and the median and p95 of the response times on loopback are printed. Run:
/// <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- pages [objects] [cases] [runs]</c>.
/// </summary>
public static class PageTimingLoad
{
    private const string MediaType = "application/taxii+json;version=2.1";

    public static async Task<int> RunAsync(string[] args)
    {
        var objectCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var caseCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        await using var hub = await LoadHub.StartAsync("vigil-pages-");
        var address = hub.Address;
        var members = hub.Services.GetRequiredService<IMemberStore>();
        var platform = await members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Pages platform", Sector = Sector.Platform, IdentityId = string.Empty });
        var agency = await members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Pages agency", Sector = Sector.Government, IdentityId = string.Empty });
        var user = await members.CreateUserAsync(new UserAccount { Id = string.Empty, OrgId = platform.Id, UserName = "pages-analyst", Role = UserRole.Analyst }, "pages-bench-password");
        var (_, platformKey) = await members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = platform.Id, UserId = user.Id, Name = "bench" });
        var (_, agencyKey) = await members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = agency.Id, Name = "bench" });
        var collection = await members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty, ApiRoot = "vigil", Title = "Pages bench", ReadOrgIds = [agency.Id], WriteOrgIds = [platform.Id], DefaultTlp = Vigil.Core.Sharing.TlpLevel.Green,
        });

        var clock = Stopwatch.StartNew();
        var firstId = await PostObjectsAsync(address, platformKey, collection.Id, objectCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{objectCount:N0} objects in {clock.Elapsed.TotalSeconds:0} s"));
        clock.Restart();
        var caseId = await OpenCasesAsync(address, agencyKey, platform.Id, caseCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{caseCount:N0} cases in {clock.Elapsed.TotalSeconds:0} s"));

        using var client = Client(address, platformKey);
        string[] pages =
        [
            "/", "/exchange/objects", "/exchange/objects?type=indicator", "/exchange/objects/" + firstId, "/response", "/response/cases/" + caseId,
            "/response/requests", "/response/board", "/correlation?kind=domain&value=" + Uri.EscapeDataString("x0.example"), "/transparency",
        ];
        Console.WriteLine("| page | median | p95 |");
        Console.WriteLine("|---|---|---|");
        foreach (var page in pages)
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 2; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(page);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode || body.Length < 500)
                {
                    throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode} with {body.Length} bytes");
                }

                if (i >= 2)
                {
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            var sorted = times.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{Shape(page)}` | {sorted[sorted.Length / 2]:0.0} ms | {sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)]:0.0} ms |"));
        }

        return 0;
    }

    /// <summary>The page's path with ids and query values elided.</summary>
    private static string Shape(string page)
    {
        var parts = page.Split('?');
        var path = string.Join('/', parts[0].Split('/').Select(s => s.Contains("--", StringComparison.Ordinal) || Guid.TryParse(s, out _) ? "{id}" : s));
        return parts.Length == 1 ? path : path + "?" + string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0] + "=…"));
    }

    /// <summary>Posts the indicators in envelopes of 1,000 from four posters; returns the first one's id.</summary>
    private static async Task<string> PostObjectsAsync(Uri hub, string key, string collectionId, int count)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var next = -1;
        string? first = null;
        var posters = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var client = Client(hub, key);
            client.DefaultRequestHeaders.Accept.ParseAdd(MediaType);
            int envelope;
            while ((envelope = Interlocked.Increment(ref next)) * 1000 < count)
            {
                var objects = new JsonArray();
                for (var i = envelope * 1000; i < Math.Min(count, (envelope + 1) * 1000); i++)
                {
                    var id = "indicator--" + Guid.NewGuid().ToString("D");
                    if (i == 0)
                    {
                        first = id;
                    }

                    objects.Add(new JsonObject
                    {
                        ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = id, ["created"] = now, ["modified"] = now, ["valid_from"] = now,
                        ["name"] = $"Pages bench {i}", ["pattern_type"] = "stix", ["pattern"] = $"[domain-name:value = 'x{i}.example']",
                    });
                }

                using var content = new StringContent(new JsonObject { ["objects"] = objects }.ToJsonString(), Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
                using var response = await client.PostAsync($"/taxii2/vigil/collections/{collectionId}/objects/", content);
                if ((int)response.StatusCode != 202)
                {
                    throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        });
        await Task.WhenAll(posters);
        return first!;
    }

    /// <summary>Opens the cases from four posters with the platform as party; returns the last one's id.</summary>
    private static async Task<string> OpenCasesAsync(Uri hub, string key, string partyOrgId, int count)
    {
        var next = -1;
        string? last = null;
        string[] types = ["influence-campaign", "coordinated-network", "manipulated-media", "voter-suppression"];
        string[] states = ["AZ", "GA", "PA", "WI", "MI", "NV"];
        var posters = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var client = Client(hub, key);
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                using var response = await client.PostAsJsonAsync("/api/rest/cases", new
                {
                    title = $"Case {n}: accounts posing as the elections office", type = types[n % types.Length], severity = "medium",
                    jurisdictions = new[] { new { country = "US", state = states[n % states.Length] } }, partyOrgIds = new[] { partyOrgId },
                });
                if ((int)response.StatusCode != 201)
                {
                    throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            }
        });
        await Task.WhenAll(posters);
        return last!;
    }

    private static HttpClient Client(Uri hub, string key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
