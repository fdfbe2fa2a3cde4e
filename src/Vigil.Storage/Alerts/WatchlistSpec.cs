using Vigil.Correlation.Observables;
using Vigil.Correlation.Watchlists;

namespace Vigil.Storage.Alerts;

/// <summary>The stored JSON form of a subscription's criteria (observable keys as their text form).</summary>
internal sealed record WatchlistSpec
{
    public IReadOnlyList<string> Values { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> CampaignIds { get; init; } = [];
    public IReadOnlyList<string> Patterns { get; init; } = [];
    public bool CorrelatedWithOwnShares { get; init; }
    public bool IncludeOwnObjects { get; init; }

    public static WatchlistSpec From(WatchlistSubscription subscription) => new()
    {
        Values = [.. subscription.Values.Select(v => v.ToString())],
        Types = subscription.Types,
        Labels = subscription.Labels,
        CampaignIds = subscription.CampaignIds,
        Patterns = subscription.Patterns,
        CorrelatedWithOwnShares = subscription.CorrelatedWithOwnShares,
        IncludeOwnObjects = subscription.IncludeOwnObjects,
    };

    public WatchlistSubscription ToSubscription(string id, string orgId) => new()
    {
        Id = id,
        SubscriberId = orgId,
        Values = [.. Values.Select(ObservableKey.Parse)],
        Types = Types,
        Labels = Labels,
        CampaignIds = CampaignIds,
        Patterns = Patterns,
        CorrelatedWithOwnShares = CorrelatedWithOwnShares,
        IncludeOwnObjects = IncludeOwnObjects,
    };
}
