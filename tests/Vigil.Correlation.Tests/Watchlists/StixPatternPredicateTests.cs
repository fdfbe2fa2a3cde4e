using System.Text.Json.Nodes;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Watchlists;

namespace Vigil.Correlation.Tests.Watchlists;

public sealed class StixPatternPredicateTests
{
    private static readonly StixObservableExtractor Extractor = new(TestSuffixes.Observables);

    private static WatchlistCandidate Candidate(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new WatchlistCandidate
        {
            ObjectId = (string?)node["id"] ?? "x--1",
            Type = (string)node["type"]!,
            Keys = Extractor.Extract(node).Keys,
            SharedBy = "org-b",
            Json = node,
        };
    }

    [Fact]
    public void Pattern_subscription_matches_through_the_pattern_evaluator()
    {
        WatchlistSubscription[] subscriptions =
        [
            new() { Id = "like", SubscriberId = "org-a", Patterns = ["[domain-name:value LIKE '%.evil.example']"] },
            new() { Id = "exact", SubscriberId = "org-a", Patterns = ["[url:value = 'https://other.example/']"] },
        ];
        var matcher = new WatchlistMatcher(subscriptions, new StixPatternPredicate(subscriptions).Evaluate);
        var hits = new List<WatchlistHit>();
        matcher.Match(Candidate("""{"type":"domain-name","id":"domain-name--1","value":"login.evil.example"}"""), hits);
        var hit = Assert.Single(hits);
        Assert.Equal(("like", WatchlistReasons.Pattern), (hit.Subscription.Id, hit.Reasons));

        hits.Clear();
        matcher.Match(Candidate("""{"type":"domain-name","id":"domain-name--2","value":"good.example"}"""), hits);
        Assert.Empty(hits);
    }

    [Fact]
    public void Invalid_subscription_pattern_is_refused_with_its_subscription()
    {
        var error = Assert.Throws<ArgumentException>(() => new StixPatternPredicate([new WatchlistSubscription { Id = "broken", SubscriberId = "a", Patterns = ["[url:value = ]"] }]));
        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
    }
}
