using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Storage.Alerts;
using Vigil.Storage.Cases;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Retention;

/// <summary>
/// Retention on SQLite or PostgreSQL: the per-collection rules, and applying them. Objects expire into tombstones
/// (<see cref="SqlObjectStore.ExpireAsync"/>); a closed case's comment texts, attachment notes and the bodies of its
/// requests and responses are erased (set to empty text) while who wrote what when stays. Each deletion writes a
/// <c>data-deleted</c> event in its own transaction, by <see cref="DataDeletion.RetentionPolicy"/>.
/// </summary>
public sealed class SqlRetentionStore(VigilDatabase database, SqlObjectStore objects, TimeProvider? time = null, SqlEventOutbox? outbox = null)
{
    private const int Batch = 200;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<CollectionRetention> SetAsync(string collectionId, int days, bool personalDataOnly, string changedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, CollectionRetention.MaxDays);
        var rule = new CollectionRetention(collectionId, days, personalDataOnly, changedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()));
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await CaseSql.ExecuteAsync(lease.Connection, null,
            "INSERT INTO collection_retention (collection_id, days, personal_data_only, changed_by, changed_at) VALUES (@id, @days, @personal, @by, @at) " +
            "ON CONFLICT (collection_id) DO UPDATE SET days = excluded.days, personal_data_only = excluded.personal_data_only, " +
            "changed_by = excluded.changed_by, changed_at = excluded.changed_at",
            cancellationToken, ("@id", collectionId), ("@days", days), ("@personal", personalDataOnly ? 1 : 0), ("@by", changedBy),
            ("@at", rule.ChangedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return rule;
    }

    public async Task<CollectionRetention?> GetAsync(string collectionId, CancellationToken cancellationToken = default) =>
        (await LoadAsync("WHERE collection_id = @id", cancellationToken, ("@id", collectionId)).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<CollectionRetention>> ListAsync(CancellationToken cancellationToken = default) => LoadAsync(string.Empty, cancellationToken);

    /// <summary>Removes a collection's rule (its objects are then kept); false when it had none.</summary>
    public async Task<bool> RemoveAsync(string collectionId, CancellationToken cancellationToken = default)
    {
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ExecuteAsync(lease.Connection, null, "DELETE FROM collection_retention WHERE collection_id = @id", cancellationToken,
            ("@id", collectionId)).ConfigureAwait(false) > 0;
    }

    /// <summary>Applies one collection's rule at the current time; returns the ids of the objects it turned into tombstones.</summary>
    public async Task<IReadOnlyList<string>> ExpireObjectsAsync(CollectionRetention rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var cutoff = DateAdded.FromTime(_time.GetUtcNow().AddDays(-rule.Days));
        var expired = new List<string>();
        long after = 0;
        while (true)
        {
            var candidates = await objects.FindExpiryCandidatesAsync(rule.CollectionId, cutoff, after, Batch, cancellationToken).ConfigureAwait(false);
            if (candidates.Count == 0)
            {
                return expired;
            }

            after = candidates[^1].Seq;
            var due = candidates.Where(c => !rule.PersonalDataOnly || c.Versions.Any(PersonalData.IsPersonal)).Select(c => c.ObjectId).ToList();
            if (due.Count > 0)
            {
                expired.AddRange(await objects.ExpireAsync(rule.CollectionId, due, DataDeletion.Retention, DataDeletion.RetentionPolicy, cancellationToken)
                    .ConfigureAwait(false));
            }
        }
    }

    /// <summary>
    /// Erases the texts of every case closed more than <paramref name="afterClosing"/> ago (again when it was reopened and
    /// closed since the last erasure); returns the ids of the cases erased.
    /// </summary>
    public async Task<IReadOnlyList<string>> EraseClosedCasesAsync(TimeSpan afterClosing, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoff = now - (long)afterClosing.TotalMilliseconds;
        var closed = EnumNames.Of(CaseStatus.Closed);
        List<string> due;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            due = await CaseSql.ReadAsync(connection, null,
                "SELECT id FROM cases WHERE status = @closed AND status_at < @cutoff AND (erased_at IS NULL OR erased_at < status_at) ORDER BY status_at, id",
                r => r.GetString(0), cancellationToken, ("@closed", closed), ("@cutoff", cutoff)).ConfigureAwait(false);
        }

        var erased = new List<string>();
        foreach (var caseId in due)
        {
            await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            var connection = lease.Connection;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Guarded on the status so that a case reopened since it was selected keeps its texts.
            if (await CaseSql.ExecuteAsync(connection, transaction,
                    "UPDATE cases SET erased_at = @now WHERE id = @case AND status = @closed AND status_at < @cutoff", cancellationToken,
                    ("@now", now), ("@case", caseId), ("@closed", closed), ("@cutoff", cutoff)).ConfigureAwait(false) == 0)
            {
                continue;
            }

            await CaseSql.ExecuteAsync(connection, transaction, "UPDATE case_comments SET body = '' WHERE case_id = @case", cancellationToken, ("@case", caseId))
                .ConfigureAwait(false);
            await CaseSql.ExecuteAsync(connection, transaction, "UPDATE case_attachments SET note = '' WHERE case_id = @case", cancellationToken, ("@case", caseId))
                .ConfigureAwait(false);
            await CaseSql.ExecuteAsync(connection, transaction,
                "UPDATE request_responses SET note = '' WHERE request_id IN (SELECT id FROM member_requests WHERE case_id = @case)", cancellationToken,
                ("@case", caseId)).ConfigureAwait(false);
            await CaseSql.ExecuteAsync(connection, transaction, "UPDATE member_requests SET body = '' WHERE case_id = @case", cancellationToken, ("@case", caseId))
                .ConfigureAwait(false);
            if (outbox is not null)
            {
                var deletion = new DataDeletion(caseId, DataDeletion.Retention, DataDeletion.RetentionPolicy, DateTimeOffset.FromUnixTimeMilliseconds(now));
                await outbox.AppendAsync(connection, transaction, HubEventKinds.DataDeleted, JsonSerializer.Serialize(deletion), cancellationToken)
                    .ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            erased.Add(caseId);
        }

        return erased;
    }

    private async Task<IReadOnlyList<CollectionRetention>> LoadAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ReadAsync(connection, null,
            "SELECT collection_id, days, personal_data_only, changed_by, changed_at FROM collection_retention " + where + " ORDER BY collection_id",
            r => new CollectionRetention(r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture) != 0,
                r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
            cancellationToken, parameters).ConfigureAwait(false);
    }
}
