using Vigil.Core.Sharing;
using Vigil.Correlation.Observables;

namespace Vigil.Storage.Correlation;

/// <summary>
/// Correlation reads. Every answer is built with the sharing policy inside the query (through the object store's policy
/// builder): a reader learns of an object, its author, its campaigns and its sightings only as far as it may see each.
/// <c>collectionIds</c> are the collections the reader may read, checked by the caller as for any object query.
/// </summary>
public interface ICorrelationStore
{
    /// <summary>Every visible object version touching <paramref name="key"/>, oldest first; past <see cref="SqlCorrelationStore.MaxHits"/>, the newest that many.</summary>
    Task<IReadOnlyList<CorrelationHit>> FindAsync(ObservableKey key, Reader reader, IReadOnlyList<string> collectionIds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// For many keys at once (a match batch): per key, the newest visible versions touching it, at most
    /// <paramref name="perKey"/> each and <see cref="SqlCorrelationStore.MaxCorrelatedRows"/> rows in all. Keys nobody
    /// the reader may see has shared are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CorrelationHit>>> FindManyAsync(IReadOnlyCollection<string> keys, int perKey, Reader reader,
        IReadOnlyList<string> collectionIds, CancellationToken cancellationToken = default);

    /// <summary>Other visible objects sharing a key with the object, grouped by key (at most <see cref="SqlCorrelationStore.MaxCorrelatedRows"/> rows read); null when the reader may not see the object.</summary>
    Task<IReadOnlyList<CorrelatedKey>?> GetCorrelatedAsync(string objectId, Reader reader, IReadOnlyList<string> collectionIds,
        CancellationToken cancellationToken = default);

    /// <summary>The sighting aggregate of each object, computed from the sightings the reader may see.</summary>
    Task<IReadOnlyDictionary<string, SightingSummary>> SightingsAsync(IReadOnlyCollection<string> objectIds, Reader reader,
        IReadOnlyList<string> collectionIds, CancellationToken cancellationToken = default);
}
