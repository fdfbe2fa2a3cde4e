using System.Data.Common;
using System.Globalization;
using Vigil.Storage.Database;

namespace Vigil.Storage.Alerts;

/// <summary>
/// The alert inbox. <see cref="AddAsync"/> stores alerts and, in the same transaction, one pending webhook delivery per
/// alert and webhook of the alerted member, so an alert is never stored without its deliveries.
/// </summary>
public sealed class SqlAlertStore(VigilDatabase database, TimeProvider? time = null)
{
    private const string Columns = "SELECT id, org_id, watchlist_id, event_id, collection_id, object_id, object_type, seq, reasons, created_at, read_at FROM alerts ";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Stores the alerts that are new; returns them with their ids. <paramref name="body"/> renders a webhook body.</summary>
    public async Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<NewAlert> alerts, Func<Alert, string> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(body);
        var stored = new List<Alert>();
        if (alerts.Count == 0)
        {
            return stored;
        }

        var now = _time.GetUtcNow();
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var hooks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO alerts (org_id, watchlist_id, event_id, collection_id, object_id, object_type, seq, reasons, created_at) " +
                "VALUES (@org, @watchlist, @event, @collection, @object, @type, @seq, @reasons, @at) ON CONFLICT (watchlist_id, seq) DO NOTHING RETURNING id";
            VigilDatabase.AddParameter(insert, "@org", alert.OrgId);
            VigilDatabase.AddParameter(insert, "@watchlist", alert.WatchlistId);
            VigilDatabase.AddParameter(insert, "@event", alert.EventId);
            VigilDatabase.AddParameter(insert, "@collection", alert.CollectionId);
            VigilDatabase.AddParameter(insert, "@object", alert.ObjectId);
            VigilDatabase.AddParameter(insert, "@type", alert.ObjectType);
            VigilDatabase.AddParameter(insert, "@seq", alert.Seq);
            VigilDatabase.AddParameter(insert, "@reasons", string.Join(',', alert.Reasons));
            VigilDatabase.AddParameter(insert, "@at", now.ToUnixTimeMilliseconds());
            var id = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (id is null or DBNull)
            {
                continue;
            }

            var saved = new Alert
            {
                Id = Convert.ToInt64(id, CultureInfo.InvariantCulture),
                OrgId = alert.OrgId,
                WatchlistId = alert.WatchlistId,
                EventId = alert.EventId,
                CollectionId = alert.CollectionId,
                ObjectId = alert.ObjectId,
                ObjectType = alert.ObjectType,
                Seq = alert.Seq,
                Reasons = alert.Reasons,
                CreatedAt = now,
            };
            stored.Add(saved);
            if (!hooks.TryGetValue(alert.OrgId, out var hookIds))
            {
                hookIds = await WebhooksOfAsync(connection, transaction, alert.OrgId, cancellationToken).ConfigureAwait(false);
                hooks[alert.OrgId] = hookIds;
            }

            foreach (var hookId in hookIds)
            {
                await using var delivery = connection.CreateCommand();
                delivery.Transaction = transaction;
                delivery.CommandText = "INSERT INTO webhook_deliveries (webhook_id, alert_id, idempotency_key, body, attempts, status, next_attempt_at) " +
                    "VALUES (@hook, @alert, @key, @body, 0, 'pending', @at)";
                VigilDatabase.AddParameter(delivery, "@hook", hookId);
                VigilDatabase.AddParameter(delivery, "@alert", saved.Id);
                VigilDatabase.AddParameter(delivery, "@key", $"alert-{saved.Id}-{hookId}");
                VigilDatabase.AddParameter(delivery, "@body", body(saved));
                VigilDatabase.AddParameter(delivery, "@at", now.ToUnixTimeMilliseconds());
                await delivery.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>A member's alerts after <paramref name="afterId"/> in id order (oldest first), optionally only unread ones.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(string orgId, long afterId, int limit, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Columns + "WHERE org_id = @org AND id > @after" + (unreadOnly ? " AND read_at IS NULL" : string.Empty) +
            " ORDER BY id LIMIT " + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        VigilDatabase.AddParameter(command, "@org", orgId);
        VigilDatabase.AddParameter(command, "@after", afterId);
        var result = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public async Task<long> CountUnreadAsync(string orgId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM alerts WHERE org_id = @org AND read_at IS NULL";
        VigilDatabase.AddParameter(command, "@org", orgId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Marks one of the member's alerts read; false when the member has no such alert.</summary>
    public async Task<bool> MarkReadAsync(string orgId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE alerts SET read_at = COALESCE(read_at, @at) WHERE org_id = @org AND id = @id";
        VigilDatabase.AddParameter(command, "@at", _time.GetUtcNow().ToUnixTimeMilliseconds());
        VigilDatabase.AddParameter(command, "@org", orgId);
        VigilDatabase.AddParameter(command, "@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static async Task<List<string>> WebhooksOfAsync(DbConnection connection, DbTransaction transaction, string orgId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM webhooks WHERE org_id = @org ORDER BY id";
        VigilDatabase.AddParameter(command, "@org", orgId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static Alert Read(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        OrgId = row.GetString(1),
        WatchlistId = row.GetString(2),
        EventId = row.GetInt64(3),
        CollectionId = row.GetString(4),
        ObjectId = row.GetString(5),
        ObjectType = row.GetString(6),
        Seq = row.GetInt64(7),
        Reasons = row.GetString(8).Split(',', StringSplitOptions.RemoveEmptyEntries),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(9)),
        ReadAt = row.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(10)),
    };
}
