using System.Data.Common;
using Vigil.Core.Sharing;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Correlation;

public sealed partial class SqlCorrelationStore
{
    public async Task<IReadOnlyDictionary<string, SightingSummary>> SightingsAsync(IReadOnlyCollection<string> objectIds, Reader reader,
        IReadOnlyList<string> collectionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        if (objectIds.Count == 0)
        {
            return new Dictionary<string, SightingSummary>();
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SightingsAsync(connection, objectIds, reader, collectionIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Aggregates the newest visible version of each sighting; a sighting whose newest visible version is revoked counts for nothing.</summary>
    private async Task<Dictionary<string, SightingSummary>> SightingsAsync(DbConnection connection, IReadOnlyCollection<string> ids, Reader reader,
        IReadOnlyList<string> collectionIds, CancellationToken cancellationToken)
    {
        await using var command = PolicyQueryBuilder.Scoped(connection, database.IsSqlite, reader, collectionIds,
            "SELECT s.sighting_of_ref, o.collection_id, o.object_id, o.version_ticks, o.revoked, o.author_org, s.count, s.first_seen, s.last_seen " +
            "FROM correlation_sightings s CROSS JOIN stix_objects o WHERE {refs} AND o.seq = s.seq AND {visible:o}");
        command.CommandText = command.CommandText.Replace("{refs}", SqlLists.In(command, database.IsSqlite, "s.sighting_of_ref", "@refs", ids), StringComparison.Ordinal);
        var newest = new Dictionary<(string Of, string Collection, string Id), SightingRow>();
        await using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var slot = (row.GetString(0), row.GetString(1), row.GetString(2));
                var current = new SightingRow(row.GetInt64(3), row.GetInt32(4) != 0, row.GetString(5), row.GetInt64(6), row.GetInt64(7), row.GetInt64(8));
                if (!newest.TryGetValue(slot, out var seen) || current.Ticks > seen.Ticks)
                {
                    newest[slot] = current;
                }
            }
        }

        var result = new Dictionary<string, SightingSummary>(StringComparer.Ordinal);
        foreach (var group in newest.Where(e => !e.Value.Revoked).GroupBy(e => e.Key.Of, StringComparer.Ordinal))
        {
            var rows = group.Select(e => e.Value).ToList();
            result[group.Key] = new SightingSummary
            {
                Members = rows.Select(r => r.Author).Distinct(StringComparer.Ordinal).Count(),
                Count = rows.Sum(r => r.Count),
                Sightings = rows.Count,
                FirstSeen = new DateTime(rows.Min(r => r.First), DateTimeKind.Utc),
                LastSeen = new DateTime(rows.Max(r => r.Last), DateTimeKind.Utc),
            };
        }

        return result;
    }

    private readonly record struct SightingRow(long Ticks, bool Revoked, string Author, long Count, long First, long Last);
}
