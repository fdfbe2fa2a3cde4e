using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Sharing;
using Vigil.Storage.Privacy;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    private const string InsertObjectSql =
        "INSERT INTO stix_objects (seq, collection_id, object_id, type, spec_version, version, version_ticks, tlp, author_org, revoked, is_latest, status_id, json) " +
        "VALUES (@seq, @collection, @id, @type, @spec, @version, @ticks, @tlp, @author, @revoked, @latest, @status, @json)";

    public async Task<EnvelopeResult> AddEnvelopeAsync(EnvelopeWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!write.Collection.CanWrite(write.Writer))
        {
            throw new UnauthorizedAccessException($"The organization may not write collection {write.Collection.Id}.");
        }

        var (planned, failures) = await new AudiencePlanner(members).PlanAsync(write, cancellationToken).ConfigureAwait(false);
        if (failures.Count == 0 && write.Policy is { } policy)
        {
            failures = await new SharePolicyCheck(members).CheckAsync(write, policy, planned, cancellationToken).ConfigureAwait(false);
        }

        if (failures.Count > 0)
        {
            return new EnvelopeResult { Failures = failures };
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var clock = await ReadClockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var existing = await LoadVersionsAsync(connection, transaction, planned, cancellationToken).ConfigureAwait(false);

        var now = DateAdded.FromTime(_time.GetUtcNow());
        var inserts = new List<VersionRow>(planned.Count);
        var unflag = new List<long>();
        var successes = new List<StatusDetail>(planned.Count);
        foreach (var plan in planned)
        {
            if (!existing.TryGetValue(plan.Id, out var rows))
            {
                rows = [];
                existing[plan.Id] = rows;
            }

            var failure = await CheckAsync(connection, transaction, write, plan, rows, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                failures.Add(failure);
                continue;
            }

            clock = Math.Max(clock + 1, now);
            var ticks = plan.VersionTicks ?? DateAdded.ToUtc(clock).Ticks;
            var versionText = plan.Version ?? DateAdded.Format(clock);
            VersionRow? latest = null;
            var duplicate = false;
            foreach (var row in rows)
            {
                if (row.CollectionId != write.Collection.Id)
                {
                    continue;
                }

                duplicate |= row.VersionTicks == ticks;
                if (row.IsLatest)
                {
                    latest = row;
                }
            }

            if (duplicate)
            {
                successes.Add(new StatusDetail(plan.Id, versionText, "already stored"));
                continue;
            }

            if (latest is { Revoked: true } && ticks > latest.VersionTicks)
            {
                failures.Add(new ObjectFailure(plan.Index, plan.Id, versionText,
                    $"objects[{plan.Index}]: {plan.Id} is revoked; a revoked object takes no newer versions."));
                continue;
            }

            var (tlp, principals) = plan.Revoked
                ? await RevocationAudienceAsync(connection, transaction, write.Collection.Id, plan, rows, cancellationToken).ConfigureAwait(false)
                : (plan.Tlp, plan.Principals);
            var isLatest = latest is null || ticks > latest.VersionTicks;
            if (isLatest && latest is not null)
            {
                latest.IsLatest = false;
                if (latest.Pending is null)
                {
                    unflag.Add(latest.Seq);
                }
            }

            var inserted = new VersionRow
            {
                Seq = clock,
                CollectionId = write.Collection.Id,
                AuthorOrgId = plan.AuthorOrgId,
                Tlp = tlp,
                VersionTicks = ticks,
                Revoked = plan.Revoked,
                IsLatest = isLatest,
                Pending = plan,
                Principals = principals,
                VersionText = versionText,
            };
            rows.Add(inserted);
            inserts.Add(inserted);
            successes.Add(new StatusDetail(plan.Id, versionText));
        }

        if (failures.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new EnvelopeResult { Failures = failures };
        }

        var status = new EnvelopeStatus
        {
            Id = write.StatusId,
            CollectionId = write.Collection.Id,
            OrgId = write.Writer.OrgId!,
            RequestTimestamp = DateAdded.Format(now),
            Successes = successes,
        };
        if (Sqlite)
        {
            await InsertSqliteAsync(connection, transaction, write.Collection.Id, status.Id, inserts, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await InsertPostgresAsync((NpgsqlConnection)connection, write.Collection.Id, status.Id, inserts, cancellationToken).ConfigureAwait(false);
        }

        await RunIndexersAsync(connection, transaction, write.Collection.Id, inserts, cancellationToken).ConfigureAwait(false);
        await FinishWriteAsync(connection, transaction, clock, unflag, status, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new EnvelopeResult { Status = status };
    }

    private async Task<long> ReadClockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // FOR UPDATE makes PostgreSQL writers queue here; SQLite's write transaction already excludes other writers.
        await using var command = Command(connection, transaction,
            Sqlite ? "SELECT last_added FROM stix_clock WHERE id = 1" : "SELECT last_added FROM stix_clock WHERE id = 1 FOR UPDATE");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, List<VersionRow>>> LoadVersionsAsync(
        DbConnection connection, DbTransaction transaction, List<PlannedObject> planned, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in planned)
        {
            ids.Add(plan.Id);
        }

        var result = new Dictionary<string, List<VersionRow>>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        await using var command = Command(connection, transaction, string.Empty);
        const string Columns = "SELECT o.seq, o.collection_id, o.object_id, o.author_org, o.tlp, o.version_ticks, o.revoked, o.is_latest FROM stix_objects o ";
        if (Sqlite)
        {
            command.CommandText = Columns + "WHERE " + InList(command, "o.object_id", "@ids", ids);
        }
        else
        {
            // Joining the unnested list makes PostgreSQL probe the id index once per id instead of scanning the table.
            command.CommandText = Columns + "JOIN unnest(@ids) AS u(id) ON o.object_id = u.id";
            command.Parameters.Add(new NpgsqlParameter("@ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids.ToArray() });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(2);
            if (!result.TryGetValue(id, out var rows))
            {
                rows = [];
                result[id] = rows;
            }

            rows.Add(new VersionRow
            {
                Seq = reader.GetInt64(0),
                CollectionId = reader.GetString(1),
                AuthorOrgId = reader.GetString(3),
                Tlp = (TlpLevel)reader.GetInt32(4),
                VersionTicks = reader.GetInt64(5),
                Revoked = reader.GetInt32(6) != 0,
                IsLatest = reader.GetInt32(7) != 0,
            });
        }

        return result;
    }
}
