using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    public async Task<DeleteOutcome> DeleteAsync(Reader reader, string collectionId, string objectId, VersionMatch versions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(versions);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ReadClockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var query = new ObjectQuery
        {
            Reader = reader,
            CollectionIds = [collectionId],
            Ids = [objectId],
            Versions = versions,
            IncludeJson = false,
            Limit = MaxLimit,
        };
        var seqs = new List<long>();
        var foreign = false;
        await using (var select = PolicyQueryBuilder.Page(connection, Sqlite, query, 0, MaxLimit))
        {
            select.Transaction = transaction;
            await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = ReadObject(rows);
                foreign |= row.AuthorOrgId != reader.OrgId;
                seqs.Add(row.Seq);
            }
        }

        if (seqs.Count == 0)
        {
            return DeleteOutcome.NotFound;
        }

        if (foreign)
        {
            return DeleteOutcome.Forbidden;
        }

        foreach (var table in new[] { "stix_audience", "stix_objects" })
        {
            await using var delete = Command(connection, transaction, string.Empty);
            delete.CommandText = $"DELETE FROM {table} WHERE " + InList(delete, "seq", "@seqs", seqs);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var relatest = Command(connection, transaction,
            "UPDATE stix_objects SET is_latest = 1 WHERE seq = (SELECT seq FROM stix_objects WHERE collection_id = @collection AND object_id = @id ORDER BY version_ticks DESC LIMIT 1)"))
        {
            Parameter(relatest, "@collection", collectionId);
            Parameter(relatest, "@id", objectId);
            await relatest.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return DeleteOutcome.Deleted;
    }
}
