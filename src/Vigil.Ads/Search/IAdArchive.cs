using Vigil.Ads.Model;

namespace Vigil.Ads.Search;

/// <summary>
/// The ad archive: ads keyed by platform and id, versioned, never deleted (a takedown is a mark). <see cref="InMemoryAdArchive"/>
/// is the reference implementation and test oracle; the database layer implements the same contract and must return the same
/// pages in the same order (<see cref="AdCursor"/>).
/// </summary>
public interface IAdArchive
{
    /// <summary>Stores the ad; a changed resubmission becomes the next version, the previous one stays in the history.</summary>
    ValueTask<AdSaveResult> SaveAsync(Ad ad, CancellationToken cancellationToken);

    /// <summary>Stores ads in order as <see cref="SaveAsync"/> would, all or none (a bulk submission's batch); one result per ad.</summary>
    Task<IReadOnlyList<AdSaveResult>> SaveManyAsync(IReadOnlyList<Ad> ads, CancellationToken cancellationToken);

    ValueTask<Ad?> GetAsync(string platform, string id, CancellationToken cancellationToken);

    /// <summary>Every version, oldest first.</summary>
    ValueTask<IReadOnlyList<Ad>> GetVersionsAsync(string platform, string id, CancellationToken cancellationToken);

    /// <summary>Marks the ad taken down (a new version carrying the mark); false when the ad is unknown.</summary>
    ValueTask<bool> TakeDownAsync(string platform, string id, Takedown takedown, CancellationToken cancellationToken);

    /// <summary>One page in archive order, starting after <see cref="AdsArchiveQuery.After"/>.</summary>
    ValueTask<AdSearchPage> SearchAsync(AdsArchiveQuery query, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every match in archive order without paging (for export); ignores <see cref="AdsArchiveQuery.Limit"/>.</summary>
    IAsyncEnumerable<Ad> StreamAsync(AdsArchiveQuery query, DateTimeOffset now, CancellationToken cancellationToken);
}
