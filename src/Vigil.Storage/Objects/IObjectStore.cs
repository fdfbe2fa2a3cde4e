using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>
/// The exchange's object store: every version of every STIX object, per collection, with the sharing policy
/// applied inside each query. Callers check collection access (<c>Collection.CanRead/CanWrite</c>) first and
/// pass the collections the reader may read in <see cref="ObjectQuery.CollectionIds"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores a whole envelope in one transaction, or nothing when any object is refused.</summary>
    Task<EnvelopeResult> AddEnvelopeAsync(EnvelopeWrite write, CancellationToken cancellationToken = default);

    /// <summary>One page of visible object versions in date_added order (objects, object by id, versions, manifest, search).</summary>
    Task<ObjectPage> QueryAsync(ObjectQuery query, CancellationToken cancellationToken = default);

    /// <summary>The same page as <see cref="QueryAsync"/> as sequence numbers and stored UTF-8 text only (the TAXII objects hot path).</summary>
    Task<RawObjectPage> QueryRawAsync(ObjectQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every version stored in <paramref name="collectionId"/> with seq in [<paramref name="fromSeq"/>, <paramref name="toSeq"/>],
    /// with JSON, regardless of readers: for the hub's own event consumers, which then ask <see cref="QueryAsync"/> on
    /// behalf of each member before telling it anything. Never exposed to a caller directly.
    /// </summary>
    Task<IReadOnlyList<StoredObject>> ReadRangeAsync(string collectionId, long fromSeq, long toSeq, CancellationToken cancellationToken = default);

    /// <summary>How many versions the query matches that the reader may see.</summary>
    Task<long> CountAsync(ObjectQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes the matching versions of one object that the reader's organization authored.</summary>
    Task<DeleteOutcome> DeleteAsync(Reader reader, string collectionId, string objectId, VersionMatch versions, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="DeleteAsync(Reader, string, string, VersionMatch, CancellationToken)"/>, recording <paramref name="deletedBy"/>
    /// (a pseudonymous <c>user:ID</c> or <c>key:ID</c>) in the deletion's <c>data-deleted</c> event.
    /// </summary>
    Task<DeleteOutcome> DeleteAsync(Reader reader, string collectionId, string objectId, VersionMatch versions, string deletedBy,
        CancellationToken cancellationToken = default);

    /// <summary>A stored status resource, only for the organization that posted the envelope.</summary>
    Task<EnvelopeStatus?> GetStatusAsync(Reader reader, string statusId, CancellationToken cancellationToken = default);
}
