using BenchmarkDotNet.Attributes;
using Vigil.Correlation.Sources;

namespace Vigil.Benchmarks.Correlation;

/// <summary>
/// Source registry enrichment rate: one operation looks up 100,000 URLs (about a third rated, some state media) in a registry of
/// <see cref="Hosts"/> rated hosts.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SourceLookupBenchmarks
{
    private SourceRegistry _registry = null!;
    private string[] _urls = [];
    private string[] _hosts = [];

    [Params(12_000, 120_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ratings = new List<SourceRating>(Hosts);
        var labels = new List<StateMediaLabel>();
        for (var site = 0; site < Hosts; site++)
        {
            var host = CorrelationData.Domain(site).Value;
            ratings.Add(new SourceRating { Provider = "bench", Host = host, Score = site % 100 / 100.0, Label = "band" });
            if (site % 10 == 0)
            {
                labels.Add(new StateMediaLabel { Host = host, Outlet = "Outlet", Country = "Examplestan", StateBody = "Ministry", Provider = "bench" });
            }
        }

        _registry = new SourceRegistryBuilder(CorrelationData.LoadSuffixes()).AddRatings(ratings).AddStateMedia(labels).Build();
        _urls = CorrelationData.Urls(100_000, sites: Hosts * 3, seed: 2);
        _hosts = [.. _urls.Select(u => SourceHost.TryParse(u, out var h, out _, out _) ? h : "invalid")];
    }

    [Benchmark]
    public int LookupUrls()
    {
        var found = 0;
        foreach (var url in _urls)
        {
            found += _registry.Lookup(url).Ratings.Count;
        }

        return found;
    }

    [Benchmark]
    public int LookupHosts()
    {
        var found = 0;
        foreach (var host in _hosts)
        {
            found += _registry.LookupHost(host).Ratings.Count;
        }

        return found;
    }
}
