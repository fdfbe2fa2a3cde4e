using BenchmarkDotNet.Attributes;
using Vigil.Correlation.Observables;
using Vigil.Correlation.Watchlists;

namespace Vigil.Benchmarks.Correlation;

/// <summary>
/// Watchlist fan-out: one operation matches 10,000 new objects (a minute's worth at the target rate), each with 4 keys,
/// 2 labels and a campaign, against <see cref="Subscriptions"/> subscriptions of 20 values, a type, labels and campaigns each,
/// a tenth of them also "correlated with my own shares".
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WatchlistMatchingBenchmarks
{
    private WatchlistMatcher _matcher = null!;
    private WatchlistCandidate[] _candidates = [];
    private readonly List<WatchlistHit> _hits = [];

    [Params(1_000, 10_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        const int sites = 200_000;
        string[] types = ["indicator", "campaign", "sighting", "report", "url", "domain-name"];
        var shares = new InMemoryShareIndex();
        for (var member = 0; member < 100; member++)
        {
            shares.Add("org-" + member, Enumerable.Range(0, 500).Select(_ => CorrelationData.Domain(random.Next(sites))));
        }

        var subscriptions = new WatchlistSubscription[Subscriptions];
        for (var i = 0; i < subscriptions.Length; i++)
        {
            subscriptions[i] = new WatchlistSubscription
            {
                Id = "sub-" + i,
                SubscriberId = "org-" + (i % 100),
                Values = [.. Enumerable.Range(0, 20).Select(_ => CorrelationData.Domain(random.Next(sites)))],
                Types = i % 20 == 0 ? [types[random.Next(types.Length)]] : [],
                Labels = ["label-" + random.Next(500)],
                CampaignIds = ["campaign--" + random.Next(2_000)],
                CorrelatedWithOwnShares = i % 10 == 0,
            };
        }

        _matcher = new WatchlistMatcher(subscriptions, shares: shares);
        _candidates = new WatchlistCandidate[10_000];
        for (var i = 0; i < _candidates.Length; i++)
        {
            _candidates[i] = new WatchlistCandidate
            {
                ObjectId = "indicator--" + i,
                Type = types[random.Next(types.Length)],
                Keys = [.. Enumerable.Range(0, 4).Select(_ => CorrelationData.Domain(random.Next(sites)))],
                Labels = ["label-" + random.Next(500), "label-" + random.Next(500)],
                CampaignIds = ["campaign--" + random.Next(2_000)],
                SharedBy = "org-" + random.Next(100),
            };
        }
    }

    [Benchmark]
    public int MatchTenThousandObjects()
    {
        var total = 0;
        foreach (var candidate in _candidates)
        {
            _hits.Clear();
            total += _matcher.Match(candidate, _hits);
        }

        return total;
    }
}
