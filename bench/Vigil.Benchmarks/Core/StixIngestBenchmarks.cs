using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Json;
using Vigil.Core.Stix.Validation;

namespace Vigil.Benchmarks.Core;

/// <summary>
/// Parse + validate throughput of a TAXII envelope of realistic objects (indicators with STIX patterns, SCOs with
/// deterministic ids, relationships, campaigns), generated at run time. Divide the mean by ObjectCount for
/// the cost per object; the ingest target (20,000 objects/s end to end) leaves well under 20 µs for this step.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StixIngestBenchmarks
{
    private byte[] _body = [];
    private JsonObject _parsed = [];

    [Params(1_000, 10_000)]
    public int ObjectCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var b = new StixBuilder
        {
            CreatedByRef = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
            Markings = [Tlp.AmberId],
        };
        var campaign = b.Campaign("Synthetic campaign", "Generated for the benchmark");
        var objects = new List<JsonObject>(ObjectCount) { campaign };
        for (var i = 0; objects.Count < ObjectCount; i++)
        {
            var url = b.Url($"https://news{i % 500}.example/story/{i}?ref=share");
            var indicator = b.Indicator($"[url:value = '{(string)url["value"]!}'] OR [domain-name:value = 'news{i % 500}.example']",
                DateTimeOffset.UtcNow, $"Rumour URL {i}", ["malicious-activity"], "Shared by several accounts in a short window.");
            indicator["x_vigil_score"] = (i % 100) / 100.0;
            objects.Add(url);
            objects.Add(indicator);
            objects.Add(b.UserAccount("twitter", (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "acct_" + i));
            objects.Add(b.Relationship(indicator, "indicates", campaign));
        }

        objects.RemoveRange(ObjectCount, objects.Count - ObjectCount);
        _body = Encoding.UTF8.GetBytes(StixBuilder.Envelope(objects).ToJsonString());
        _parsed = StixJson.ParseEnvelopeOrBundle(_body).Root!;
        var check = StixValidator.ValidateEnvelope(_parsed);
        if (!check.IsValid)
        {
            throw new InvalidOperationException("generated envelope is invalid: " + string.Join("; ", check.AllErrors().Take(5)));
        }
    }

    [Benchmark(Description = "scan+parse")]
    public int Parse() => StixJson.ParseEnvelopeOrBundle(_body).Objects.Count;

    [Benchmark(Description = "validate (parsed)")]
    public bool Validate() => StixValidator.ValidateEnvelope(_parsed).IsValid;

    [Benchmark(Description = "parse+validate")]
    public bool ParseAndValidate()
    {
        var parsed = StixJson.ParseEnvelopeOrBundle(_body);
        return parsed.Success && StixValidator.ValidateEnvelope(parsed.Root).IsValid;
    }
}
