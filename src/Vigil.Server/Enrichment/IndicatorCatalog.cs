using System.Collections.Concurrent;
using Vigil.Core.Sharing;
using Vigil.Storage.Objects;

namespace Vigil.Server.Enrichment;

/// <summary>
/// Built <see cref="IndicatorSnapshot"/>s, one per reader principal set and readable collections, loaded through the
/// object store's policy-aware query. Before each use a cheap check asks the store whether any indicator version the
/// reader may see was added after the snapshot's newest (<see cref="ObjectQuery.AddedAfter"/>, one row); if so only
/// those versions are loaded and laid over the snapshot (<see cref="IndicatorSnapshot.WithAdded"/>), with a full rebuild
/// once the delta passes <see cref="IndicatorSnapshot.MaxDelta"/>. Deletions add nothing, so a snapshot is also rebuilt
/// after <see cref="MaxAge"/>; matched indicators are in any case confirmed against the store before they are returned.
/// </summary>
public sealed class IndicatorCatalog(IObjectStore objects, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int MaxSnapshots = 64;
    private const int PageSize = 5000;

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public async Task<IndicatorSnapshot> GetAsync(Reader reader, IReadOnlyList<string> collectionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        var key = KeyOf(reader, collectionIds);
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        slot.LastUsed = time.GetUtcNow();
        var current = slot.Snapshot;
        if (current is not null && IsCurrent(current) && !await ChangedAsync(reader, collectionIds, current.MaxSeq, cancellationToken).ConfigureAwait(false))
        {
            return current;
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Snapshot is { } rebuilt && !ReferenceEquals(rebuilt, current) && IsCurrent(rebuilt))
            {
                return rebuilt;
            }

            IndicatorSnapshot? built = null;
            if (current is not null && IsCurrent(current))
            {
                var added = await LoadAsync(reader, collectionIds, current.MaxSeq, cancellationToken).ConfigureAwait(false);
                built = current.WithAdded(added, time.GetUtcNow());
            }

            if (built is null)
            {
                var now = time.GetUtcNow();
                built = IndicatorSnapshot.Build(await LoadAsync(reader, collectionIds, null, cancellationToken).ConfigureAwait(false), now);
            }

            slot.Snapshot = built;
            Trim();
            return built;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>The ids among <paramref name="ids"/> whose latest version the reader may still see and that are not revoked.</summary>
    public async Task<HashSet<string>> ConfirmAsync(Reader reader, IReadOnlyList<string> collectionIds, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            string? next = null;
            do
            {
                var page = await objects.QueryAsync(new ObjectQuery
                {
                    Reader = reader,
                    CollectionIds = collectionIds,
                    Ids = chunk,
                    Types = ["indicator"],
                    IncludeJson = false,
                    Limit = PageSize,
                    Next = next,
                }, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    if (!item.Revoked)
                    {
                        confirmed.Add(item.Id);
                    }
                }

                next = page.More ? page.Next : null;
            }
            while (next is not null);
        }

        return confirmed;
    }

    private bool IsCurrent(IndicatorSnapshot snapshot) => time.GetUtcNow() - snapshot.BuiltAt < MaxAge;

    private async Task<bool> ChangedAsync(Reader reader, IReadOnlyList<string> collectionIds, long maxSeq, CancellationToken cancellationToken)
    {
        var page = await objects.QueryAsync(new ObjectQuery
        {
            Reader = reader,
            CollectionIds = collectionIds,
            Types = ["indicator"],
            AddedAfter = maxSeq,
            IncludeJson = false,
            Limit = 1,
        }, cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0;
    }

    /// <summary>The latest visible version of every indicator, or of those with a version added after <paramref name="addedAfter"/>.</summary>
    private async Task<List<StoredObject>> LoadAsync(Reader reader, IReadOnlyList<string> collectionIds, long? addedAfter, CancellationToken cancellationToken)
    {
        var stored = new List<StoredObject>();
        string? next = null;
        do
        {
            var page = await objects.QueryAsync(new ObjectQuery
            {
                Reader = reader,
                CollectionIds = collectionIds,
                Types = ["indicator"],
                AddedAfter = addedAfter,
                Limit = PageSize,
                Next = next,
            }, cancellationToken).ConfigureAwait(false);
            stored.AddRange(page.Items);
            next = page.More ? page.Next : null;
        }
        while (next is not null);

        return stored;
    }

    private void Trim()
    {
        while (_slots.Count > MaxSnapshots)
        {
            var oldest = _slots.MinBy(s => s.Value.LastUsed);
            _slots.TryRemove(oldest.Key, out _);
        }
    }

    private static string KeyOf(Reader reader, IReadOnlyList<string> collectionIds)
    {
        var principals = reader.Principals.Order(StringComparer.Ordinal);
        var collections = collectionIds.Order(StringComparer.Ordinal);
        return string.Join('\n', [
            reader.OrgId ?? "-", reader.Sector?.ToString() ?? "-", reader.IsHubAdmin ? "admin" : "-", reader.IsOversight ? "oversight" : "-",
            string.Join(' ', principals), string.Join(' ', collections)]);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public volatile IndicatorSnapshot? Snapshot;
        public DateTimeOffset LastUsed { get; set; }
    }
}
