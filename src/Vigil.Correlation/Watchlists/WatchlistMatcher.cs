using System.Collections.Concurrent;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Watchlists;

/// <summary>
/// Finds the subscriptions a new or changed object hits. Built once from the current subscriptions (rebuild when they change);
/// immutable and thread-safe. Values, types, labels and campaigns are looked up in dictionaries, so the cost per object grows
/// with the object's keys and labels, not with the number of subscriptions. Pattern criteria are evaluated through
/// <see cref="PatternPredicate"/> (<see cref="StixPatternPredicate"/> evaluates with Core's pattern evaluator), skipped when the
/// object has no observable of a kind the pattern names.
/// </summary>
public sealed class WatchlistMatcher
{
    private readonly WatchlistSubscription[] _subscriptions;
    private readonly Dictionary<ObservableKey, int[]> _byValue;
    private readonly Dictionary<string, int[]> _byType;
    private readonly Dictionary<string, int[]> _byLabel;
    private readonly Dictionary<string, int[]> _byCampaign;
    private readonly Dictionary<string, int[]> _correlatedBySubscriber;
    private readonly PatternCriterion[] _patterns;
    private readonly PatternPredicate? _patternPredicate;
    private readonly IShareIndex? _shares;

    // Scratch arrays owned by this matcher (not the shared ArrayPool, whose arrays other code in the process also touches).
    private readonly ConcurrentBag<Scratch> _scratch = [];

    public WatchlistMatcher(IEnumerable<WatchlistSubscription> subscriptions, PatternPredicate? patternPredicate = null, IShareIndex? shares = null)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        _subscriptions = [.. subscriptions];
        _patternPredicate = patternPredicate;
        _shares = shares;
        var byValue = new Dictionary<ObservableKey, List<int>>();
        var byType = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byLabel = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var byCampaign = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var correlated = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var patterns = new List<PatternCriterion>();
        for (var i = 0; i < _subscriptions.Length; i++)
        {
            var subscription = _subscriptions[i];
            foreach (var value in subscription.Values)
            {
                Add(byValue, value, i);
            }

            foreach (var type in subscription.Types)
            {
                Add(byType, type, i);
            }

            foreach (var label in subscription.Labels)
            {
                Add(byLabel, label, i);
            }

            foreach (var campaign in subscription.CampaignIds)
            {
                Add(byCampaign, campaign, i);
            }

            if (subscription.CorrelatedWithOwnShares)
            {
                Add(correlated, subscription.SubscriberId, i);
            }

            foreach (var pattern in subscription.Patterns)
            {
                if (patternPredicate is null)
                {
                    throw new ArgumentException($"Subscription '{subscription.Id}' has STIX patterns but no pattern predicate was given.", nameof(patternPredicate));
                }

                patterns.Add(new PatternCriterion(i, pattern, RequiredKinds(pattern)));
            }
        }

        if (correlated.Count > 0 && shares is null)
        {
            throw new ArgumentException("Some subscriptions ask for objects correlated with their own shares, but no share index was given.", nameof(shares));
        }

        _byValue = Freeze(byValue);
        _byType = Freeze(byType);
        _byLabel = Freeze(byLabel);
        _byCampaign = Freeze(byCampaign);
        _correlatedBySubscriber = Freeze(correlated);
        _patterns = [.. patterns];
    }

    public int SubscriptionCount => _subscriptions.Length;

    /// <summary>Adds one <see cref="WatchlistHit"/> per subscription the candidate hits to <paramref name="hits"/>; returns how many were added.</summary>
    public int Match(WatchlistCandidate candidate, List<WatchlistHit> hits)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(hits);
        if (_subscriptions.Length == 0)
        {
            return 0;
        }

        if (!_scratch.TryTake(out var scratch))
        {
            scratch = new Scratch(new WatchlistReasons[_subscriptions.Length], new int[_subscriptions.Length]);
        }

        var reasons = scratch.Reasons;
        var touched = scratch.Touched;
        var touchedCount = 0;
        try
        {
            foreach (var key in candidate.Keys)
            {
                if (_byValue.TryGetValue(key, out var ids))
                {
                    Mark(ids, WatchlistReasons.Value, reasons, touched, ref touchedCount);
                }
            }

            if (_byType.TryGetValue(candidate.Type, out var typeIds))
            {
                Mark(typeIds, WatchlistReasons.Type, reasons, touched, ref touchedCount);
            }

            foreach (var label in candidate.Labels)
            {
                if (_byLabel.TryGetValue(label, out var ids))
                {
                    Mark(ids, WatchlistReasons.Label, reasons, touched, ref touchedCount);
                }
            }

            foreach (var campaign in candidate.CampaignIds)
            {
                if (_byCampaign.TryGetValue(campaign, out var ids))
                {
                    Mark(ids, WatchlistReasons.Campaign, reasons, touched, ref touchedCount);
                }
            }

            if (_correlatedBySubscriber.Count > 0 && candidate.Keys.Count > 0)
            {
                // Duplicates are harmless: marking a subscription twice with the same reason changes nothing.
                var sharers = new List<string>();
                foreach (var key in candidate.Keys)
                {
                    _shares!.AddSharersOf(key, sharers);
                }

                foreach (var sharer in sharers)
                {
                    if (sharer != candidate.SharedBy && _correlatedBySubscriber.TryGetValue(sharer, out var ids))
                    {
                        Mark(ids, WatchlistReasons.CorrelatedWithOwnShare, reasons, touched, ref touchedCount);
                    }
                }
            }

            foreach (var criterion in _patterns)
            {
                if ((reasons[criterion.Subscription] & WatchlistReasons.Pattern) == 0
                    && MayMatch(criterion, candidate)
                    && _patternPredicate!(criterion.Pattern, candidate))
                {
                    Mark([criterion.Subscription], WatchlistReasons.Pattern, reasons, touched, ref touchedCount);
                }
            }

            var added = 0;
            for (var i = 0; i < touchedCount; i++)
            {
                var index = touched[i];
                var subscription = _subscriptions[index];
                if (subscription.IncludeOwnObjects || candidate.SharedBy is null || candidate.SharedBy != subscription.SubscriberId)
                {
                    hits.Add(new WatchlistHit(subscription, reasons[index]));
                    added++;
                }
            }

            return added;
        }
        finally
        {
            // Scratch goes back clean, so the next call can rely on every slot being None.
            for (var i = 0; i < touchedCount; i++)
            {
                reasons[touched[i]] = WatchlistReasons.None;
            }

            _scratch.Add(scratch);
        }
    }

    private static void Mark(int[] ids, WatchlistReasons reason, WatchlistReasons[] reasons, int[] touched, ref int touchedCount)
    {
        foreach (var id in ids)
        {
            if (reasons[id] == WatchlistReasons.None)
            {
                touched[touchedCount++] = id;
            }

            reasons[id] |= reason;
        }
    }

    private static bool MayMatch(PatternCriterion criterion, WatchlistCandidate candidate)
    {
        if (criterion.RequiredKinds is null)
        {
            return true;
        }

        foreach (var key in candidate.Keys)
        {
            if (Array.IndexOf(criterion.RequiredKinds, key.Kind) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The observable kinds an object must have for the pattern to possibly match; null when the pattern names other types.</summary>
    private static ObservableKind[]? RequiredKinds(string pattern)
    {
        var kinds = new List<ObservableKind>();
        foreach (var type in PatternEqualityScanner.ObjectTypes(pattern))
        {
            ObservableKind? kind = type switch
            {
                "url" => ObservableKind.Url,
                "domain-name" => ObservableKind.Domain,
                "ipv4-addr" => ObservableKind.Ipv4,
                "ipv6-addr" => ObservableKind.Ipv6,
                "email-addr" => ObservableKind.Email,
                "user-account" => ObservableKind.Account,
                _ => null,
            };
            if (kind is null)
            {
                return null;
            }

            kinds.Add(kind.Value);
        }

        return kinds.Count == 0 ? null : [.. kinds];
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int subscription)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        if (list.Count == 0 || list[^1] != subscription)
        {
            list.Add(subscription);
        }
    }

    private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> index)
        where TKey : notnull
    {
        var frozen = new Dictionary<TKey, int[]>(index.Count, index.Comparer);
        foreach (var (key, list) in index)
        {
            frozen[key] = [.. list];
        }

        return frozen;
    }

    private sealed record Scratch(WatchlistReasons[] Reasons, int[] Touched);

    private sealed record PatternCriterion(int Subscription, string Pattern, ObservableKind[]? RequiredKinds);
}
