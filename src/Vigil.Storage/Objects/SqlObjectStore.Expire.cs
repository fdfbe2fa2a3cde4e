using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    /// <summary>
    /// The objects of a collection none of whose versions was added at or after <paramref name="addedBefore"/> (a date_added
    /// seq) and that are not tombstones yet, oldest first after <paramref name="afterSeq"/>, each with the JSON of all its versions.
    /// For the retention sweep only: no reader applies.
    /// </summary>
    public async Task<IReadOnlyList<ExpiryCandidate>> FindExpiryCandidatesAsync(string collectionId, long addedBefore, long afterSeq, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var latest = new List<(long Seq, string Id)>();
        await using (var command = Command(connection, null,
            "SELECT o.seq, o.object_id FROM stix_objects o WHERE o.collection_id = @collection AND o.is_latest = 1 AND o.erased = 0 " +
            "AND o.seq > @after AND o.seq < @before AND NOT EXISTS (SELECT 1 FROM stix_objects n WHERE n.object_id = o.object_id " +
            "AND n.collection_id = o.collection_id AND n.seq >= @before) ORDER BY o.seq LIMIT " + Math.Clamp(limit, 1, MaxLimit).ToString(CultureInfo.InvariantCulture)))
        {
            Parameter(command, "@collection", collectionId);
            Parameter(command, "@after", afterSeq);
            Parameter(command, "@before", addedBefore);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                latest.Add((rows.GetInt64(0), rows.GetString(1)));
            }
        }

        if (latest.Count == 0)
        {
            return [];
        }

        var versions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var command = Command(connection, null, string.Empty))
        {
            command.CommandText = "SELECT object_id, json FROM stix_objects WHERE collection_id = @collection AND " +
                InList(command, "object_id", "@ids", [.. latest.Select(l => l.Id)]);
            Parameter(command, "@collection", collectionId);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = rows.GetString(0);
                if (!versions.TryGetValue(id, out var list))
                {
                    versions[id] = list = [];
                }

                list.Add(rows.GetString(1));
            }
        }

        return [.. latest.Select(l => new ExpiryCandidate(l.Seq, l.Id, versions.GetValueOrDefault(l.Id) ?? []))];
    }

    /// <summary>
    /// Replaces every version of each object in the collection by one tombstone: a new version, added now (so TAXII
    /// <c>added_after</c> pollers receive it), with <c>revoked: true</c> and only the properties STIX requires, visible to
    /// everyone who could see any earlier version. The earlier versions, their audience and correlation rows are deleted and
    /// each object gets a <c>data-deleted</c> event in the same transaction. Objects that are already tombstones are skipped.
    /// Returns the ids of the objects expired.
    /// </summary>
    public async Task<IReadOnlyList<string>> ExpireAsync(string collectionId, IReadOnlyList<string> objectIds, string reason, string deletedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var clock = await ReadClockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var now = DateAdded.FromTime(_time.GetUtcNow());
        var expired = new List<string>();
        foreach (var objectId in objectIds.Distinct(StringComparer.Ordinal))
        {
            var rows = await LoadForExpiryAsync(connection, transaction, collectionId, objectId, cancellationToken).ConfigureAwait(false);
            var latest = rows.Find(r => r.IsLatest);
            if (latest is null || latest.Erased)
            {
                continue;
            }

            var tlp = rows.Min(r => r.Tlp);
            var principals = new HashSet<string>(StringComparer.Ordinal);
            if (tlp > TlpLevel.Green)
            {
                foreach (var row in rows)
                {
                    principals.UnionWith(await LoadPrincipalsAsync(connection, transaction, row.Seq, cancellationToken).ConfigureAwait(false));
                }
            }

            clock = Math.Max(clock + 1, now);
            // One microsecond past the newest version, at least: the tombstone must be the latest version everywhere.
            var ticks = Math.Max(DateAdded.ToUtc(clock).Ticks, rows.Max(r => r.VersionTicks) + 10);
            var version = new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            var tombstone = Tombstone(JsonNode.Parse(latest.Json) as JsonObject, latest.Type, objectId, version);

            await RemoveVersionsAsync(connection, transaction, [.. rows.Select(r => r.Seq)], cancellationToken).ConfigureAwait(false);
            await using (var insert = Command(connection, transaction,
                "INSERT INTO stix_objects (seq, collection_id, object_id, type, spec_version, version, version_ticks, tlp, author_org, revoked, is_latest, status_id, json, erased) " +
                "VALUES (@seq, @collection, @id, @type, @spec, @version, @ticks, @tlp, @author, 1, 1, NULL, @json, 1)"))
            {
                Parameter(insert, "@seq", clock);
                Parameter(insert, "@collection", collectionId);
                Parameter(insert, "@id", objectId);
                Parameter(insert, "@type", latest.Type);
                Parameter(insert, "@spec", latest.SpecVersion);
                Parameter(insert, "@version", version);
                Parameter(insert, "@ticks", ticks);
                Parameter(insert, "@tlp", (int)tlp);
                Parameter(insert, "@author", latest.AuthorOrgId);
                Parameter(insert, "@json", tombstone);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var principal in principals)
            {
                await using var audience = Command(connection, transaction, "INSERT INTO stix_audience (seq, principal) VALUES (@seq, @principal)");
                Parameter(audience, "@seq", clock);
                Parameter(audience, "@principal", principal);
                await audience.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await AppendDeletionAsync(connection, transaction, objectId, reason, deletedBy, cancellationToken).ConfigureAwait(false);
            expired.Add(objectId);
        }

        if (expired.Count > 0)
        {
            await using var update = Command(connection, transaction, "UPDATE stix_clock SET last_added = @clock WHERE id = 1");
            Parameter(update, "@clock", clock);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return expired;
    }

    /// <summary>The tombstone's JSON: identity, the common timestamps STIX requires, and <c>revoked</c>; no content at all.</summary>
    private static string Tombstone(JsonObject? original, string type, string objectId, string version)
    {
        var tombstone = new JsonObject { ["type"] = type };
        if (original?["spec_version"] is JsonValue spec)
        {
            tombstone["spec_version"] = spec.DeepClone();
        }

        tombstone["id"] = objectId;
        if (original?["created"] is JsonValue created)
        {
            tombstone["created"] = created.DeepClone();
            tombstone["modified"] = version;
        }

        tombstone["revoked"] = true;
        return tombstone.ToJsonString();
    }

    private static async Task<List<ExpiryRow>> LoadForExpiryAsync(DbConnection connection, DbTransaction transaction, string collectionId, string objectId,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "SELECT seq, type, spec_version, version_ticks, tlp, author_org, is_latest, erased, json FROM stix_objects WHERE object_id = @id AND collection_id = @collection");
        Parameter(command, "@id", objectId);
        Parameter(command, "@collection", collectionId);
        var rows = new List<ExpiryRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ExpiryRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), (TlpLevel)reader.GetInt32(4),
                reader.GetString(5), reader.GetInt32(6) != 0, reader.GetInt32(7) != 0, reader.GetString(8)));
        }

        return rows;
    }

    private sealed record ExpiryRow(long Seq, string Type, string SpecVersion, long VersionTicks, TlpLevel Tlp, string AuthorOrgId, bool IsLatest, bool Erased,
        string Json);
}
