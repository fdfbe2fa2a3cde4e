using Vigil.Correlation.Observables;
using Vigil.Correlation.Watchlists;

namespace Vigil.Correlation.Tests.Watchlists;

public sealed class WatchlistMatcherTests
{
    private static readonly ObservableKey EvilDomain = new(ObservableKind.Domain, string.Empty, "evil.example");
    private static readonly ObservableKey EvilUrl = new(ObservableKind.Url, string.Empty, "https://evil.example/x");

    private static List<WatchlistHit> Match(WatchlistMatcher matcher, WatchlistCandidate candidate)
    {
        var hits = new List<WatchlistHit>();
        matcher.Match(candidate, hits);
        return hits;
    }

    private static WatchlistCandidate Candidate(string type = "indicator", string? sharedBy = "org-b", params ObservableKey[] keys) =>
        new() { ObjectId = type + "--1", Type = type, Keys = keys, SharedBy = sharedBy };

    [Fact]
    public void Value_subscription_hits_an_object_touching_the_value()
    {
        var matcher = new WatchlistMatcher([new WatchlistSubscription { Id = "s1", SubscriberId = "org-a", Values = [EvilDomain] }]);
        var hit = Assert.Single(Match(matcher, Candidate(keys: [EvilUrl, EvilDomain])));
        Assert.Equal(("s1", WatchlistReasons.Value), (hit.Subscription.Id, hit.Reasons));
        Assert.Empty(Match(matcher, Candidate(keys: [new ObservableKey(ObservableKind.Domain, string.Empty, "fine.example")])));
    }

    [Fact]
    public void Type_label_and_campaign_subscriptions_hit_with_all_reasons()
    {
        var matcher = new WatchlistMatcher(
        [
            new WatchlistSubscription { Id = "s1", SubscriberId = "org-a", Types = ["campaign"], Labels = ["Election"], CampaignIds = ["campaign--42"] },
            new WatchlistSubscription { Id = "s2", SubscriberId = "org-a", Labels = ["other"] },
        ]);
        var candidate = Candidate("campaign") with { Labels = ["election"], CampaignIds = ["campaign--42"] };
        var hit = Assert.Single(Match(matcher, candidate));
        Assert.Equal(WatchlistReasons.Type | WatchlistReasons.Label | WatchlistReasons.Campaign, hit.Reasons);
    }

    [Fact]
    public void Own_objects_are_not_reported_unless_asked()
    {
        var matcher = new WatchlistMatcher(
        [
            new WatchlistSubscription { Id = "quiet", SubscriberId = "org-a", Types = ["indicator"] },
            new WatchlistSubscription { Id = "loud", SubscriberId = "org-a", Types = ["indicator"], IncludeOwnObjects = true },
        ]);
        Assert.Equal(["loud"], Match(matcher, Candidate(sharedBy: "org-a")).Select(h => h.Subscription.Id));
        Assert.Equal(2, Match(matcher, Candidate(sharedBy: "org-b")).Count);
    }

    [Fact]
    public void Pattern_subscription_uses_the_predicate_and_skips_objects_without_the_kinds_it_names()
    {
        var evaluated = new List<string>();
        bool Predicate(string pattern, WatchlistCandidate candidate)
        {
            evaluated.Add(candidate.ObjectId);
            return candidate.Keys.Contains(EvilUrl);
        }

        var matcher = new WatchlistMatcher(
            [new WatchlistSubscription { Id = "p", SubscriberId = "org-a", Patterns = ["[url:value = 'https://evil.example/x']"] }],
            Predicate);
        Assert.Single(Match(matcher, Candidate(keys: [EvilUrl]) with { ObjectId = "with-url" }));
        Assert.Empty(Match(matcher, Candidate(keys: [EvilDomain]) with { ObjectId = "domain-only" }));
        Assert.Equal(["with-url"], evaluated);
    }

    [Fact]
    public void Pattern_subscription_without_a_predicate_is_refused() =>
        Assert.Throws<ArgumentException>(() => new WatchlistMatcher([new WatchlistSubscription { Id = "p", SubscriberId = "a", Patterns = ["[url:value = 'x']"] }]));

    [Fact]
    public void Correlated_with_own_shares_hits_objects_from_others_touching_a_shared_value()
    {
        var shares = new InMemoryShareIndex();
        shares.Add("org-a", [EvilDomain]);
        var matcher = new WatchlistMatcher([new WatchlistSubscription { Id = "mine", SubscriberId = "org-a", CorrelatedWithOwnShares = true }], shares: shares);
        Assert.Equal(WatchlistReasons.CorrelatedWithOwnShare, Assert.Single(Match(matcher, Candidate(sharedBy: "org-b", keys: [EvilUrl, EvilDomain]))).Reasons);
        Assert.Empty(Match(matcher, Candidate(sharedBy: "org-a", keys: [EvilDomain])));
        Assert.Empty(Match(matcher, Candidate(sharedBy: "org-b", keys: [EvilUrl])));
    }

    [Fact]
    public void Matcher_is_reusable_and_reports_each_subscription_once()
    {
        var subscriptions = Enumerable.Range(0, 1000)
            .Select(i => new WatchlistSubscription { Id = $"s{i}", SubscriberId = $"org-{i % 50}", Values = [EvilDomain, EvilUrl], Types = i % 2 == 0 ? ["indicator"] : [] })
            .ToList();
        var matcher = new WatchlistMatcher(subscriptions);
        for (var round = 0; round < 3; round++)
        {
            var hits = Match(matcher, Candidate(sharedBy: "outsider", keys: [EvilDomain, EvilUrl]));
            Assert.Equal(1000, hits.Select(h => h.Subscription.Id).Distinct().Count());
            Assert.Equal(500, hits.Count(h => h.Reasons == (WatchlistReasons.Value | WatchlistReasons.Type)));
        }

        Assert.Empty(Match(matcher, Candidate("note", "outsider")));
    }
}
