namespace Vigil.Correlation.Watchlists;

/// <summary>A subscription an object hit, and why. Whether the subscriber may read the object is decided by the caller.</summary>
public readonly record struct WatchlistHit(WatchlistSubscription Subscription, WatchlistReasons Reasons);
