namespace Vigil.Correlation.Watchlists;

/// <summary>Where subscriptions live; the matcher is rebuilt from <see cref="ListAsync"/> when they change.</summary>
public interface IWatchlistStore
{
    Task<IReadOnlyList<WatchlistSubscription>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(WatchlistSubscription subscription, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string subscriptionId, CancellationToken cancellationToken);
}
