using Vigil.Core.Members;
using Vigil.Storage.Members;

namespace Vigil.Server.Taxii;

/// <summary>
/// Collections by (API root, id), read once and kept until the member store changes (its <see cref="IMemberStore.Generation"/>
/// moves) or a few seconds pass, so a page request costs one query (the objects) instead of two. The time bound
/// covers changes made by another process sharing the database.
/// </summary>
public sealed class CollectionLookup(IMemberStore members, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private Snapshot? _snapshot;

    public async Task<Collection?> GetAsync(string apiRoot, string id, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var generation = members.Generation;
        if (snapshot is null || snapshot.Generation != generation || time.GetUtcNow() - snapshot.Loaded > MaxAge)
        {
            var loaded = time.GetUtcNow();
            var all = await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false);
            var map = new Dictionary<(string, string), Collection>(all.Count);
            foreach (var collection in all)
            {
                map[(collection.ApiRoot, collection.Id)] = collection;
            }

            snapshot = new Snapshot(generation, loaded, map);
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Collections.GetValueOrDefault((apiRoot, id));
    }

    private sealed record Snapshot(long Generation, DateTimeOffset Loaded, Dictionary<(string, string), Collection> Collections);
}
