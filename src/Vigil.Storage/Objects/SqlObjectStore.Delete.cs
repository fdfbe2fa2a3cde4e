using System.Data.Common;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    public Task<DeleteOutcome> DeleteAsync(Reader reader, string collectionId, string objectId, VersionMatch versions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return DeleteAsync(reader, collectionId, objectId, versions, reader.UserId is { } user ? "user:" + user : "org:" + reader.OrgId, cancellationToken);
    }

    /// <summary>
    /// Removes the versions outright, as TAXII's DELETE says (no tombstone: the author asked for them to be gone), with their
    /// audience and correlation rows, and writes one <c>data-deleted</c> event for the object in the same transaction.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(Reader reader, string collectionId, string objectId, VersionMatch versions, string deletedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentException.ThrowIfNullOrEmpty(deletedBy);
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
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

        await RemoveVersionsAsync(connection, transaction, seqs, cancellationToken).ConfigureAwait(false);
        await using (var relatest = Command(connection, transaction,
            "UPDATE stix_objects SET is_latest = 1 WHERE seq = (SELECT seq FROM stix_objects WHERE collection_id = @collection AND object_id = @id ORDER BY version_ticks DESC LIMIT 1)"))
        {
            Parameter(relatest, "@collection", collectionId);
            Parameter(relatest, "@id", objectId);
            await relatest.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AppendDeletionAsync(connection, transaction, objectId, DataDeletion.AuthorRequest, deletedBy, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return DeleteOutcome.Deleted;
    }

    /// <summary>Deletes version rows with everything keyed by their seq: audience and correlation index rows.</summary>
    private async Task RemoveVersionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "stix_audience", "correlation_keys", "correlation_links", "correlation_sightings", "stix_objects" })
        {
            await using var delete = Command(connection, transaction, string.Empty);
            delete.CommandText = $"DELETE FROM {table} WHERE " + InList(delete, "seq", "@seqs", seqs);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AppendDeletionAsync(DbConnection connection, DbTransaction transaction, string subjectId, string reason, string deletedBy,
        CancellationToken cancellationToken)
    {
        if (outbox is null)
        {
            return;
        }

        var deletion = new DataDeletion(subjectId, reason, deletedBy, DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()));
        await outbox.AppendAsync(connection, transaction, HubEventKinds.DataDeleted, JsonSerializer.Serialize(deletion), cancellationToken).ConfigureAwait(false);
    }
}
