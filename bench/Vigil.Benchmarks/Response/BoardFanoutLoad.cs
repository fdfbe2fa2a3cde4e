using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Storage.Members;

namespace Vigil.Benchmarks.Response;

/// <summary>
/// The live board's load test: a hub on Kestrel (SQLite in a temporary directory) with <c>orgs</c> member organizations
/// and <c>viewers</c> board streams spread over them (each with its organization's API key); one poster opens
/// <c>rate</c> cases per second for <c>seconds</c>, numbered in their titles, every organization a party. The board is a
/// snapshot of the stores, and cases are opened one after another, so a board message naming case <i>n</i> shows every
/// case up to <i>n</i>: an event's latency for a viewer is the first message naming it or a later case, minus the moment
/// its POST returned. Viewers watch over SignalR (the page's transport, <c>/response/board/hub</c>) or the server-sent event
/// stream (<c>events</c>, the fallback). Run:
/// <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- board-fanout [viewers] [rate] [seconds] [orgs] [signalr|events]</c>.
/// </summary>
public static partial class BoardFanoutLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var viewers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
        var orgCount = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
        var transport = args.Length > 5 ? args[5] : "signalr";
        var clock = Stopwatch.StartNew();

        await using var hub = await LoadHub.StartAsync("vigil-board-");
        var address = hub.Address;
        var members = hub.Services.GetRequiredService<IMemberStore>();
        var keys = new List<string>();
        var orgIds = new List<string>();
        for (var o = 0; o < orgCount; o++)
        {
            var org = await members.CreateOrganizationAsync(new Organization
            {
                Id = string.Empty, Name = $"Board member {o}", Sector = o % 2 == 0 ? Sector.Platform : Sector.Government, IdentityId = string.Empty,
            });
            var (_, secret) = await members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "bench" });
            keys.Add(secret);
            orgIds.Add(org.Id);
        }

        // seen[v] holds (time, highest case number) for every message viewer v received.
        var seen = Enumerable.Range(0, viewers).Select(_ => new ConcurrentQueue<(long Ticks, int Highest)>()).ToArray();
        using var stop = new CancellationTokenSource();
        Console.WriteLine($"{viewers} viewers over {orgCount} organizations ({transport}); opening {rate} cases/s for {seconds} s");
        var streams = Enumerable.Range(0, viewers).Select(v => transport == "events"
            ? WatchAsync(address, keys[v % orgCount], seen[v], clock, stop.Token)
            : WatchHubAsync(address, keys[v % orgCount], seen[v], clock, stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        using var poster = Client(address, keys[0]);
        var committed = new List<long>();
        var total = rate * seconds;
        var start = clock.Elapsed;
        for (var n = 0; n < total; n++)
        {
            var due = start + TimeSpan.FromSeconds(n / (double)rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            using var response = await poster.PostAsJsonAsync("/api/rest/cases", new
            {
                title = $"bench-{n} coordinated accounts", type = "coordinated-network", severity = "medium",
                jurisdictions = new[] { new { country = "US", state = "AZ" } }, partyOrgIds = orgIds.Skip(1),
            });
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            committed.Add(clock.ElapsedTicks);
        }

        var achieved = total / (clock.Elapsed - start).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        var latencies = new List<double>();
        var missed = 0;
        foreach (var messages in seen)
        {
            var list = messages.ToArray();
            for (var n = 0; n < total; n++)
            {
                var first = list.FirstOrDefault(m => m.Highest >= n && m.Ticks >= committed[n]);
                if (first == default)
                {
                    missed++;
                    continue;
                }

                latencies.Add((first.Ticks - committed[n]) * 1000.0 / Stopwatch.Frequency);
            }
        }

        var sorted = latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posted {total} cases at {achieved:0.0}/s; {sorted.Length} viewer-events seen, {missed} not seen"));
        if (sorted.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"board latency ms: p50 {Percentile(sorted, 0.50):0}, p90 {Percentile(sorted, 0.90):0}, p99 {Percentile(sorted, 0.99):0}, max {sorted[^1]:0}"));
        }

        return missed == 0 ? 0 : 1;
    }

    private static async Task WatchAsync(Uri hub, string key, ConcurrentQueue<(long, int)> seen, Stopwatch clock, CancellationToken stop)
    {
        using var client = Client(hub, key);
        client.Timeout = Timeout.InfiniteTimeSpan;
        try
        {
            using var response = await client.GetAsync("/response/board/events", HttpCompletionOption.ResponseHeadersRead, stop);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
            var highest = -1;
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                if (line.Length == 0)
                {
                    if (highest >= 0)
                    {
                        seen.Enqueue((clock.ElapsedTicks, highest));
                    }

                    highest = -1;
                    continue;
                }

                foreach (Match match in CaseNumber().Matches(line))
                {
                    highest = Math.Max(highest, int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static async Task WatchHubAsync(Uri hub, string key, ConcurrentQueue<(long, int)> seen, Stopwatch clock, CancellationToken stop)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub, "/response/board/hub"), HttpTransportType.WebSockets, options => options.Headers["Authorization"] = "Bearer " + key)
            .Build();
        connection.On<string>("board", html =>
        {
            var highest = -1;
            foreach (Match match in CaseNumber().Matches(html))
            {
                highest = Math.Max(highest, int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }

            if (highest >= 0)
            {
                seen.Enqueue((clock.ElapsedTicks, highest));
            }
        });
        await connection.StartAsync(stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static HttpClient Client(Uri hub, string key)
    {
        var client = new HttpClient { BaseAddress = hub };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [GeneratedRegex(@"bench-(\d+)")]
    private static partial Regex CaseNumber();
}
