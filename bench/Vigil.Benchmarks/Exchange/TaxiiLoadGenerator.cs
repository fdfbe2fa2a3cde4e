using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Benchmarks.Exchange;

/// <summary>
/// A small TAXII 2.1 load generator over loopback: posts synthetic envelopes (ingest objects/s through the whole
/// server) and then runs concurrent clients that each fetch pages of 100 with <c>match[type]</c>, recording every
/// request's latency for percentiles.
/// </summary>
public sealed class TaxiiLoadGenerator(Uri baseAddress, string apiKey, string collectionId) : IDisposable
{
    private const string MediaType = "application/taxii+json;version=2.1";
    private static readonly string[] Types = ["indicator", "indicator", "malware", "attack-pattern"];

    private readonly HttpClient _client = CreateClient(baseAddress, apiKey);

    private string ObjectsUrl => $"/taxii2/vigil/collections/{collectionId}/objects/";

    /// <summary>
    /// Posts <paramref name="count"/> objects in envelopes of <paramref name="envelopeSize"/> from <paramref name="posters"/>
    /// concurrent clients (parsing and validation overlap; the database serializes the writes); returns objects per second.
    /// </summary>
    public async Task<double> IngestAsync(int count, int envelopeSize = 1000, int posters = 4, CancellationToken cancellationToken = default)
    {
        var bodies = new List<byte[]>();
        for (var done = 0; done < count; done += envelopeSize)
        {
            bodies.Add(Envelope(done, Math.Min(envelopeSize, count - done)));
        }

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = posters, CancellationToken = cancellationToken }, async (body, token) =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
            using var response = await _client.PostAsync(ObjectsUrl, content, token).ConfigureAwait(false);
            if ((int)response.StatusCode != 202)
            {
                throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token).ConfigureAwait(false)}");
            }
        }).ConfigureAwait(false);
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="clients"/> concurrent readers for <paramref name="duration"/>, each walking pages of 100 indicators.</summary>
    public async Task<LoadResult> ReadAsync(int clients, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var latencies = new List<double>[clients];
        var stop = Stopwatch.StartNew();
        var tasks = new Task[clients];
        for (var c = 0; c < clients; c++)
        {
            var mine = latencies[c] = new List<double>(4096);
            tasks[c] = Task.Run(async () =>
            {
                string? next = null;
                while (stop.Elapsed < duration)
                {
                    var url = ObjectsUrl + "?match[type]=indicator&limit=100" + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next));
                    var started = Stopwatch.GetTimestamp();
                    using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"GET answered {(int)response.StatusCode}");
                    }

                    var envelope = JsonNode.Parse(body)!;
                    next = (bool?)envelope["more"] == true ? (string?)envelope["next"] : null;
                }
            }, cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, all.Length / stop.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public void Dispose() => _client.Dispose();

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static HttpClient CreateClient(Uri baseAddress, string apiKey)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", MediaType);
        return client;
    }

    private static byte[] Envelope(int start, int count)
    {
        var text = new StringBuilder(count * 420);
        text.Append("{\"objects\":[");
        for (var i = 0; i < count; i++)
        {
            var n = start + i;
            var type = Types[n % Types.Length];
            text.Append(i == 0 ? string.Empty : ",");
            text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"{type}\",\"spec_version\":\"2.1\",\"id\":\"{type}--{Guid.NewGuid()}\",")
                .Append("\"created\":\"2026-05-01T10:00:00.000Z\",\"modified\":\"2026-05-01T10:00:00.000Z\",")
                .Append(CultureInfo.InvariantCulture, $"\"name\":\"Synthetic load object {n}\",\"description\":\"Lookalike of a county results page.\"");
            switch (type)
            {
                case "indicator":
                    text.Append(CultureInfo.InvariantCulture, $",\"pattern\":\"[domain-name:value = 'results-{n}.example.test']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-05-01T10:00:00Z\"");
                    break;
                case "malware":
                    text.Append(",\"is_family\":false");
                    break;
            }

            text.Append(",\"object_marking_refs\":[\"").Append(n % 5 == 4 ? "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1" : "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb").Append("\"]}");
        }

        text.Append("]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
