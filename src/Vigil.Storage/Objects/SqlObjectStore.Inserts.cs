using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    /// <summary>Prepared single-row inserts, executed synchronously: SQLite runs in-process, so async adds only overhead here.</summary>
    private static async Task InsertSqliteAsync(DbConnection connection, DbTransaction transaction, string collectionId, string statusId,
        List<VersionRow> rows, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, InsertObjectSql);
        var seq = Parameter(insert, "@seq", 0L);
        Parameter(insert, "@collection", collectionId);
        var id = Parameter(insert, "@id", string.Empty);
        var type = Parameter(insert, "@type", string.Empty);
        var spec = Parameter(insert, "@spec", string.Empty);
        var version = Parameter(insert, "@version", string.Empty);
        var ticks = Parameter(insert, "@ticks", 0L);
        var tlp = Parameter(insert, "@tlp", 0);
        var author = Parameter(insert, "@author", string.Empty);
        var revoked = Parameter(insert, "@revoked", 0);
        var latest = Parameter(insert, "@latest", 0);
        Parameter(insert, "@status", statusId);
        var json = Parameter(insert, "@json", string.Empty);
        await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);

        await using var audience = Command(connection, transaction, "INSERT INTO stix_audience (seq, principal) VALUES (@seq, @principal)");
        var audienceSeq = Parameter(audience, "@seq", 0L);
        var principal = Parameter(audience, "@principal", string.Empty);
        await audience.PrepareAsync(cancellationToken).ConfigureAwait(false);

        foreach (var row in rows)
        {
            var plan = row.Pending!;
            seq.Value = row.Seq;
            id.Value = plan.Id;
            type.Value = plan.Type;
            spec.Value = plan.SpecVersion;
            version.Value = row.VersionText;
            ticks.Value = row.VersionTicks;
            tlp.Value = (int)row.Tlp;
            author.Value = row.AuthorOrgId;
            revoked.Value = row.Revoked ? 1 : 0;
            latest.Value = row.IsLatest ? 1 : 0;
            json.Value = plan.Submission.Json;
            insert.ExecuteNonQuery();
            foreach (var name in row.Principals!)
            {
                audienceSeq.Value = row.Seq;
                principal.Value = name;
                audience.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Binary COPY of the rows and their audiences; rows are buffered synchronously and flushed as the buffer fills.</summary>
    private static async Task InsertPostgresAsync(NpgsqlConnection connection, string collectionId, string statusId, List<VersionRow> rows,
        CancellationToken cancellationToken)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY stix_objects (seq, collection_id, object_id, type, spec_version, version, version_ticks, tlp, author_org, revoked, is_latest, status_id, json) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                var plan = row.Pending!;
                copy.StartRow();
                copy.Write(row.Seq, NpgsqlDbType.Bigint);
                copy.Write(collectionId, NpgsqlDbType.Text);
                copy.Write(plan.Id, NpgsqlDbType.Text);
                copy.Write(plan.Type, NpgsqlDbType.Text);
                copy.Write(plan.SpecVersion, NpgsqlDbType.Text);
                copy.Write(row.VersionText!, NpgsqlDbType.Text);
                copy.Write(row.VersionTicks, NpgsqlDbType.Bigint);
                copy.Write((int)row.Tlp, NpgsqlDbType.Integer);
                copy.Write(row.AuthorOrgId, NpgsqlDbType.Text);
                copy.Write(row.Revoked ? 1 : 0, NpgsqlDbType.Integer);
                copy.Write(row.IsLatest ? 1 : 0, NpgsqlDbType.Integer);
                copy.Write(statusId, NpgsqlDbType.Text);
                copy.Write(plan.Submission.Json, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY stix_audience (seq, principal) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                foreach (var name in row.Principals!)
                {
                    copy.StartRow();
                    copy.Write(row.Seq, NpgsqlDbType.Bigint);
                    copy.Write(name, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FinishWriteAsync(DbConnection connection, DbTransaction transaction, long clock, List<long> unflag, EnvelopeStatus status,
        CancellationToken cancellationToken)
    {
        if (unflag.Count > 0)
        {
            await using var update = Command(connection, transaction, string.Empty);
            update.CommandText = "UPDATE stix_objects SET is_latest = 0 WHERE " + InList(update, "seq", "@seqs", unflag);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var update = Command(connection, transaction, "UPDATE stix_clock SET last_added = @clock WHERE id = 1"))
        {
            Parameter(update, "@clock", clock);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = Command(connection, transaction,
            "INSERT INTO taxii_status (id, collection_id, org_id, request_timestamp, json) VALUES (@id, @collection, @org, @at, @json)");
        Parameter(insert, "@id", status.Id);
        Parameter(insert, "@collection", status.CollectionId);
        Parameter(insert, "@org", status.OrgId);
        Parameter(insert, "@at", status.RequestTimestamp);
        Parameter(insert, "@json", JsonSerializer.Serialize(status, StatusJson));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
