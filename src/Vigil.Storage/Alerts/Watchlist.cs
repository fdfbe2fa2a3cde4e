using Vigil.Correlation.Watchlists;

namespace Vigil.Storage.Alerts;

/// <summary>A member's stored watchlist: its name, who made it, and the criteria (<see cref="WatchlistSubscription"/>).</summary>
public sealed record Watchlist
{
    public required string Id { get; init; }
    public required string OrgId { get; init; }
    public string? UserId { get; init; }
    public required string Name { get; init; }
    public required WatchlistSubscription Subscription { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
