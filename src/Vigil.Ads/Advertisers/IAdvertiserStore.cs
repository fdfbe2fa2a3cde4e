namespace Vigil.Ads.Advertisers;

/// <summary>Advertiser persistence. The in-memory store serves tests; the database layer implements the same contract.</summary>
public interface IAdvertiserStore
{
    ValueTask<Advertiser?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The advertiser that registered this page or account on this platform, if any.</summary>
    ValueTask<Advertiser?> FindByAccountAsync(string platform, string accountId, CancellationToken cancellationToken);

    ValueTask SaveAsync(Advertiser advertiser, CancellationToken cancellationToken);
}
