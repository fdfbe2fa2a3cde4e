using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;

namespace Vigil.Benchmarks.Correlation;

/// <summary>
/// Observable extraction from STIX objects: one operation extracts the keys of <see cref="Count"/> objects, a mix of url SCOs,
/// indicators with two-term patterns, user accounts and campaigns whose descriptions carry a link and a domain.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StixExtractionBenchmarks
{
    private StixObservableExtractor _extractor = null!;
    private JsonObject[] _objects = [];

    [Params(10_000, 100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _extractor = new StixObservableExtractor(new ObservableNormalizer(CorrelationData.LoadSuffixes()));
        var urls = CorrelationData.Urls(Count, sites: 5_000, seed: 4);
        _objects = new JsonObject[Count];
        for (var i = 0; i < Count; i++)
        {
            _objects[i] = (i % 4) switch
            {
                0 => new JsonObject { ["type"] = "url", ["value"] = urls[i] },
                1 => new JsonObject
                {
                    ["type"] = "indicator",
                    ["pattern_type"] = "stix",
                    ["pattern"] = $"[url:value = '{urls[i].Replace("'", "%27", StringComparison.Ordinal)}'] OR [domain-name:value = 'site{i}.example.org']",
                },
                2 => new JsonObject { ["type"] = "user-account", ["account_type"] = "twitter", ["account_login"] = "@Account" + i },
                _ => new JsonObject { ["type"] = "campaign", ["name"] = "Campaign " + i, ["description"] = $"Pushes {urls[i]} and mirror{i}.example.net across platforms." },
            };
        }
    }

    [Benchmark]
    public int ExtractAll()
    {
        var keys = 0;
        foreach (var stixObject in _objects)
        {
            keys += _extractor.Extract(stixObject).Observables.Count;
        }

        return keys;
    }
}
