using System.Data.Common;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Correlation.Observables;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Correlation;

/// <summary>
/// <see cref="ICorrelationStore"/> over the correlation tables. Each statement joins back to <c>stix_objects</c> and takes its
/// visibility predicate from <see cref="PolicyQueryBuilder.Scoped"/>, once per joined object row. The joins are written as
/// CROSS JOIN because SQLite then keeps the written order: start from the small, indexed correlation rows and probe
/// <c>stix_objects</c> by its key, rather than walk a collection and probe the index (seconds at a million rows).
/// </summary>
public sealed partial class SqlCorrelationStore(VigilDatabase database) : ICorrelationStore
{
    /// <summary>Most object versions returned for one key.</summary>
    public const int MaxHits = 1000;

    /// <summary>Most (key, version) rows read for one object's correlations, so a very common value cannot make the answer unbounded.</summary>
    public const int MaxCorrelatedRows = 10_000;

    private const string HitColumns = "o.seq, o.collection_id, o.object_id, o.type, o.version, o.tlp, o.author_org, o.version_ticks";

    public async Task<IReadOnlyList<CorrelationHit>> FindAsync(ObservableKey key, Reader reader, IReadOnlyList<string> collectionIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PolicyQueryBuilder.Scoped(connection, database.IsSqlite, reader, collectionIds,
            $"SELECT {HitColumns} FROM correlation_keys k CROSS JOIN stix_objects o WHERE k.key = @key AND o.seq = k.seq AND {{visible:o}} ORDER BY o.seq DESC LIMIT {MaxHits}");
        SqlLists.Add(command, "@key", key.ToString());
        var hits = await ReadHitsAsync(command, cancellationToken).ConfigureAwait(false);
        hits.Reverse();
        return await EnrichAsync(connection, hits.ConvertAll(h => h.Hit), reader, collectionIds, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CorrelationHit>>> FindManyAsync(IReadOnlyCollection<string> keys, int perKey, Reader reader,
        IReadOnlyList<string> collectionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        var result = new Dictionary<string, IReadOnlyList<CorrelationHit>>(StringComparer.Ordinal);
        if (keys.Count == 0 || collectionIds.Count == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PolicyQueryBuilder.Scoped(connection, database.IsSqlite, reader, collectionIds,
            $"SELECT k.key, {HitColumns} FROM correlation_keys k CROSS JOIN stix_objects o WHERE {SqlLists.Clause(database.IsSqlite, "k.key", "@keys")} " +
            $"AND o.seq = k.seq AND {{visible:o}} ORDER BY k.key, o.seq DESC LIMIT {MaxCorrelatedRows}");
        SqlLists.AddList(command, database.IsSqlite, "@keys", keys);
        var grouped = new Dictionary<string, List<CorrelationHit>>(StringComparer.Ordinal);
        foreach (var (key, hit, _) in await ReadHitsAsync(command, cancellationToken, withKey: true).ConfigureAwait(false))
        {
            if (!grouped.TryGetValue(key!, out var list))
            {
                list = [];
                grouped[key!] = list;
            }

            if (list.Count < perKey)
            {
                list.Add(hit);
            }
        }

        foreach (var (key, list) in grouped)
        {
            result[key] = list;
        }

        return result;
    }

    public async Task<IReadOnlyList<CorrelatedKey>?> GetCorrelatedAsync(string objectId, Reader reader, IReadOnlyList<string> collectionIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = PolicyQueryBuilder.Scoped(connection, database.IsSqlite, reader, collectionIds,
            "SELECT count(*) FROM stix_objects o WHERE o.object_id = @id AND {visible:o}"))
        {
            SqlLists.Add(exists, "@id", objectId);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }
        }

        // Keys of every version the reader sees, then the other objects' visible versions touching those keys.
        await using var command = PolicyQueryBuilder.Scoped(connection, database.IsSqlite, reader, collectionIds,
            $"SELECT k.key, {HitColumns} FROM stix_objects m CROSS JOIN correlation_keys s CROSS JOIN correlation_keys k CROSS JOIN stix_objects o " +
            "WHERE m.object_id = @id AND {visible:m} AND s.seq = m.seq AND k.key = s.key AND o.seq = k.seq AND o.object_id <> @id AND {visible:o} " +
            $"ORDER BY k.key, o.seq LIMIT {MaxCorrelatedRows}");
        SqlLists.Add(command, "@id", objectId);
        var rows = await ReadHitsAsync(command, cancellationToken, withKey: true).ConfigureAwait(false);

        // Latest visible version of each object per key.
        var latest = new Dictionary<(string Key, string Collection, string Id), (CorrelationHit Hit, long Ticks)>();
        foreach (var row in rows)
        {
            var slot = (row.Key!, row.Hit.CollectionId, row.Hit.ObjectId);
            if (!latest.TryGetValue(slot, out var seen) || row.Ticks > seen.Ticks)
            {
                latest[slot] = (row.Hit, row.Ticks);
            }
        }

        var distinct = latest.Values.Select(v => v.Hit).DistinctBy(h => h.Seq).ToList();
        var enriched = await EnrichAsync(connection, distinct, reader, collectionIds, cancellationToken).ConfigureAwait(false);
        var bySeq = enriched.ToDictionary(h => h.Seq);
        return [.. latest
            .GroupBy(e => e.Key.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CorrelatedKey(g.Key, [.. g.Select(e => bySeq[e.Value.Hit.Seq]).OrderBy(h => h.Seq)]))];
    }

    private static async Task<List<(string? Key, CorrelationHit Hit, long Ticks)>> ReadHitsAsync(DbCommand command, CancellationToken cancellationToken,
        bool withKey = false)
    {
        var hits = new List<(string?, CorrelationHit, long)>();
        var at = withKey ? 1 : 0;
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add((withKey ? row.GetString(0) : null, new CorrelationHit
            {
                Seq = row.GetInt64(at),
                CollectionId = row.GetString(at + 1),
                ObjectId = row.GetString(at + 2),
                Type = row.GetString(at + 3),
                Version = row.GetString(at + 4),
                Tlp = (TlpLevel)row.GetInt32(at + 5),
                AuthorOrgId = row.GetString(at + 6),
            }, row.GetInt64(at + 7)));
        }

        return hits;
    }

    /// <summary>Adds the visible campaigns and the sighting aggregate to each hit.</summary>
    private async Task<List<CorrelationHit>> EnrichAsync(DbConnection connection, List<CorrelationHit> hits, Reader reader,
        IReadOnlyList<string> collectionIds, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return hits;
        }

        var ids = hits.Select(h => h.ObjectId).ToHashSet(StringComparer.Ordinal);
        var campaigns = await CampaignsAsync(connection, ids, reader, collectionIds, cancellationToken).ConfigureAwait(false);
        var sightings = await SightingsAsync(connection, ids, reader, collectionIds, cancellationToken).ConfigureAwait(false);
        return hits.ConvertAll(h => h with
        {
            Campaigns = campaigns.TryGetValue(h.ObjectId, out var c) ? c : [],
            Sightings = sightings.TryGetValue(h.ObjectId, out var s) ? s : SightingSummary.None,
        });
    }

    private async Task<Dictionary<string, IReadOnlyList<CampaignLink>>> CampaignsAsync(DbConnection connection, IReadOnlyCollection<string> ids,
        Reader reader, IReadOnlyList<string> collectionIds, CancellationToken cancellationToken)
    {
        await using var command = PolicyQueryBuilder.Scoped(connection, database.IsSqlite, reader, collectionIds,
            "SELECT l.from_ref, c.object_id, c.type, c.version_ticks, c.json FROM correlation_links l CROSS JOIN stix_objects r CROSS JOIN stix_objects c " +
            "WHERE {refs} AND l.to_type IN ('campaign', 'intrusion-set') AND r.seq = l.seq AND c.object_id = l.to_ref " +
            "AND r.revoked = 0 AND c.revoked = 0 AND {visible:r} AND {visible:c}");
        command.CommandText = command.CommandText.Replace("{refs}", SqlLists.In(command, database.IsSqlite, "l.from_ref", "@refs", ids), StringComparison.Ordinal);
        var newest = new Dictionary<(string From, string Id), (CampaignLink Link, long Ticks)>();
        await using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var slot = (row.GetString(0), row.GetString(1));
                var ticks = row.GetInt64(3);
                if (!newest.TryGetValue(slot, out var seen) || ticks > seen.Ticks)
                {
                    newest[slot] = (new CampaignLink(slot.Item2, row.GetString(2), NameOf(row.GetString(4))), ticks);
                }
            }
        }

        return newest.GroupBy(e => e.Key.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CampaignLink>)[.. g.Select(e => e.Value.Link).OrderBy(l => l.Id, StringComparer.Ordinal)],
                StringComparer.Ordinal);
    }

    private static string? NameOf(string json) =>
        JsonNode.Parse(json) is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
}
