using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>A watchlist as the API shows it; values are their normalized keys.</summary>
public sealed record WatchlistView(string Id, string Name, IReadOnlyList<string> Values, IReadOnlyList<string> Types, IReadOnlyList<string> Labels,
    IReadOnlyList<string> CampaignIds, IReadOnlyList<string> Patterns, bool CorrelatedWithOwnShares, bool IncludeOwnObjects, DateTimeOffset CreatedAt)
{
    public static WatchlistView From(Watchlist watchlist)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        var s = watchlist.Subscription;
        return new(watchlist.Id, watchlist.Name, [.. s.Values.Select(v => v.ToString())], s.Types, s.Labels, s.CampaignIds, s.Patterns,
            s.CorrelatedWithOwnShares, s.IncludeOwnObjects, watchlist.CreatedAt);
    }
}
