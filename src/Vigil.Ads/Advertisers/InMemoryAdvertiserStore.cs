using System.Collections.Concurrent;

namespace Vigil.Ads.Advertisers;

/// <summary>Thread-safe in-memory <see cref="IAdvertiserStore"/>.</summary>
public sealed class InMemoryAdvertiserStore : IAdvertiserStore
{
    private readonly ConcurrentDictionary<string, Advertiser> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), string> _byAccount = new();

    public ValueTask<Advertiser?> GetAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byId.TryGetValue(id, out var a) ? a : null);

    public ValueTask<Advertiser?> FindByAccountAsync(string platform, string accountId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byAccount.TryGetValue((platform.ToLowerInvariant(), accountId), out var id) && _byId.TryGetValue(id, out var a) ? a : null);

    public ValueTask SaveAsync(Advertiser advertiser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advertiser);
        _byId[advertiser.Id] = advertiser;
        foreach (var account in advertiser.Accounts)
        {
            _byAccount[(account.Platform.ToLowerInvariant(), account.AccountId)] = advertiser.Id;
        }

        return ValueTask.CompletedTask;
    }
}
