using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Server.Enrichment;

namespace Vigil.Benchmarks.Enrichment;

/// <summary>
/// The core of <c>POST /api/rest/match</c> once the caller's indicator snapshot is cached: check and convert the request's
/// observables (with URL and domain normalization), run the indexed matcher, drop expired indicators. HTTP, JSON body
/// parsing and the store's confirmation query of the (few) matched ids are not included. Target: 10,000 observables
/// against 100,000 active indicators in under 1 s.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class MatchServiceBenchmarks
{
    private IndicatorSnapshot snapshot = null!;
    private ObservableNormalizer normalizer = null!;
    private List<JsonObject?> observables = [];

    [Params(10_000, 100_000)]
    public int Indicators { get; set; }

    [Params(1_000, 10_000)]
    public int Observables { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        normalizer = new ObservableNormalizer(PublicSuffixList.LoadDebian());
        snapshot = IndicatorSnapshot.Build(MatchBenchData.Indicators(Indicators), MatchBenchData.Now);
        observables = MatchBenchData.Observables(Observables, Indicators);
    }

    [Benchmark]
    public int MatchRequest()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var inputs = MatchObservations.Read(observables, normalizer, errors);
        return snapshot.Match(inputs, MatchBenchData.Now).Matches.Count;
    }
}
