using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Ads.Advertisers;
using Vigil.Ads.Json;
using Vigil.Ads.Synthetic;
using Vigil.Core.Members;
using Vigil.Storage.Members;

namespace Vigil.Benchmarks.Ads;

/// <summary>
/// <c>ads-rest [--ads N] [--posters P]</c>: ad ingest end to end. A hub on Kestrel (SQLite in a temporary directory) with the
/// generated advertisers registered (one in twenty still unverified, so its ads are refused as a platform's would be); P posters
/// send the generated ads as JSON Lines to <c>POST /api/ads/bulk</c> in requests of 5,000 ads, as <c>vigil ads import --hub</c>
/// does. The bodies are encoded before the clock starts. Prints rows per second (accepted and refused) every 100,000 rows and
/// overall, and the counts the hub answered. Then it streams the whole archive back through
/// <c>GET /public/ads_archive/export</c> as CSV and as JSON Lines, with the process's working set and managed heap sampled
/// every 100 ms (hub and client share this process, so a whole-archive buffer on either side would show).
/// </summary>
internal static class AdRestIngestRun
{
    private const int AdsPerRequest = 5000;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = NamedArguments.Int(args, "--ads", 1_000_000);
        var posters = NamedArguments.Int(args, "--posters", 2);
        var generator = new SyntheticAdGenerator(new SyntheticAdOptions { Ads = count, Advertisers = Math.Min(50_000, Math.Max(100, count / 20)), Now = AdBenchData.Now });
        var bodies = new List<byte[]>();
        using (var buffer = new MemoryStream())
        {
            foreach (var chunk in generator.Ads().Chunk(AdsPerRequest))
            {
                buffer.SetLength(0);
                foreach (var ad in chunk)
                {
                    buffer.Write(AdJsonCodec.Encode(ad));
                    buffer.WriteByte((byte)'\n');
                }

                bodies.Add(buffer.ToArray());
            }
        }

        await using var hub = await LoadHub.StartAsync("vigil-ads-rest-");
        var advertisers = hub.Services.GetRequiredService<IAdvertiserStore>();
        foreach (var advertiser in generator.Advertisers)
        {
            await advertisers.SaveAsync(advertiser, CancellationToken.None);
        }

        var members = hub.Services.GetRequiredService<IMemberStore>();
        var org = await members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Bench platform", Sector = Sector.Platform, IdentityId = string.Empty });
        var (_, key) = await members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "bench" });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} ads from {generator.Advertisers.Count:N0} advertisers in {bodies.Count} requests, {posters} posters, hub {hub.Address}"));

        var next = -1;
        long rows = 0, created = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        var reported = 0L;
        var gate = new object();
        async Task PostAsync()
        {
            using var client = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await client.PostAsync(new Uri("/api/ads/bulk", UriKind.Relative), content);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"request {i}: {(int)response.StatusCode} {body}");
                }

                using var answer = JsonDocument.Parse(body);
                var sent = Math.Min(AdsPerRequest, count - (i * AdsPerRequest));
                lock (gate)
                {
                    rows += sent;
                    created += answer.RootElement.GetProperty("created").GetInt32();
                    refused += answer.RootElement.GetProperty("rejections").GetArrayLength();
                    if (rows / 100_000 > reported)
                    {
                        reported = rows / 100_000;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rows:N0} rows, {rows / clock.Elapsed.TotalSeconds:N0} rows/s so far"));
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, posters).Select(_ => Task.Run(PostAsync)));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest {rows:N0} rows through POST /api/ads/bulk in {seconds:0.0} s: {rows / seconds:N0} rows/s ({created:N0} created, {refused:N0} refused: {created / seconds:N0} ads/s stored)"));
        bodies.Clear();
        bodies.TrimExcess();
        foreach (var format in (string[])["csv", "jsonl"])
        {
            await ExportAsync(hub.Address, format);
        }

        return 0;
    }

    private static async Task ExportAsync(Uri hub, string format)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var baseline = (Set: process.WorkingSet64, Heap: GC.GetTotalMemory(forceFullCollection: false));
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = (Math.Max(peak.Set, process.WorkingSet64), Math.Max(peak.Heap, GC.GetTotalMemory(forceFullCollection: false)));
                await Task.Delay(100, CancellationToken.None);
            }
        });

        using var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(30) };
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri($"/public/ads_archive/export?format={format}&ad_active_status=ALL", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long lines = 0, bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export {format}: {lines:N0} lines, {bytes / 1e6:N0} MB in {seconds:0.0} s: {lines / seconds:N0} lines/s; working set {baseline.Set / 1e6:N0} -> peak {peak.Set / 1e6:N0} MB, managed heap {baseline.Heap / 1e6:N0} -> peak {peak.Heap / 1e6:N0} MB"));
    }
}
