using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Vigil.Storage.Database;

namespace Vigil.Storage.Alerts;

/// <summary>
/// Webhook endpoints and their delivery queue. The sender claims due deliveries (pushing their next attempt past a lease,
/// so a crashed sender's claims come back), then records each outcome: delivered, retry at a time, or dead-lettered.
/// </summary>
public sealed class SqlWebhookStore(VigilDatabase database, TimeProvider? time = null)
{
    private const string DeliveryColumns =
        "SELECT d.id, d.webhook_id, w.url, w.secret, d.alert_id, d.idempotency_key, d.body, d.attempts, d.status, d.next_attempt_at, d.last_error, d.finished_at " +
        "FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id ";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Registers an endpoint; returns it with its new signing secret (base64url, 32 random bytes).</summary>
    public async Task<(Webhook Webhook, string Secret)> CreateAsync(string orgId, Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var webhook = new Webhook("webhook--" + Guid.NewGuid().ToString("D"), orgId, url, _time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO webhooks (id, org_id, url, secret, created_at) VALUES (@id, @org, @url, @secret, @at)";
        VigilDatabase.AddParameter(command, "@id", webhook.Id);
        VigilDatabase.AddParameter(command, "@org", orgId);
        VigilDatabase.AddParameter(command, "@url", url.AbsoluteUri);
        VigilDatabase.AddParameter(command, "@secret", secret);
        VigilDatabase.AddParameter(command, "@at", webhook.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (webhook, secret);
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(string orgId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, org_id, url, created_at FROM webhooks WHERE org_id = @org ORDER BY created_at, id";
        VigilDatabase.AddParameter(command, "@org", orgId);
        var result = new List<Webhook>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new Webhook(reader.GetString(0), reader.GetString(1), new Uri(reader.GetString(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return result;
    }

    /// <summary>Removes an endpoint of the member and its queued deliveries; false when it has no such endpoint.</summary>
    public async Task<bool> DeleteAsync(string orgId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var hook = connection.CreateCommand();
        hook.Transaction = transaction;
        hook.CommandText = "DELETE FROM webhooks WHERE org_id = @org AND id = @id";
        VigilDatabase.AddParameter(hook, "@org", orgId);
        VigilDatabase.AddParameter(hook, "@id", id);
        if (await hook.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await using var deliveries = connection.CreateCommand();
        deliveries.Transaction = transaction;
        deliveries.CommandText = "DELETE FROM webhook_deliveries WHERE webhook_id = @id";
        VigilDatabase.AddParameter(deliveries, "@id", id);
        await deliveries.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Claims up to <paramref name="limit"/> pending deliveries due now, moving their next attempt <paramref name="lease"/> ahead.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var peek = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // The sender polls often: look without taking the write lock, which share writes need, when nothing is due.
            await using var any = peek.CreateCommand();
            any.CommandText = "SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now LIMIT 1";
            VigilDatabase.AddParameter(any, "@now", now);
            if (await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null or DBNull)
            {
                return [];
            }
        }

        await using var writer = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<WebhookDelivery>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = DeliveryColumns + "WHERE d.status = 'pending' AND d.next_attempt_at <= @now ORDER BY d.next_attempt_at, d.id LIMIT " +
                Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture) + (database.IsSqlite ? string.Empty : " FOR UPDATE OF d SKIP LOCKED");
            VigilDatabase.AddParameter(select, "@now", now);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                due.Add(Read(reader, withSecret: true));
            }
        }

        foreach (var delivery in due)
        {
            await using var claim = connection.CreateCommand();
            claim.Transaction = transaction;
            claim.CommandText = "UPDATE webhook_deliveries SET next_attempt_at = @until WHERE id = @id";
            VigilDatabase.AddParameter(claim, "@until", now + (long)lease.TotalMilliseconds);
            VigilDatabase.AddParameter(claim, "@id", delivery.Id);
            await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return due;
    }

    /// <summary>Records attempt number <paramref name="attempt"/>: delivered, to retry at <paramref name="retryAt"/>, or dead.</summary>
    public async Task RecordAsync(long deliveryId, int attempt, string status, DateTimeOffset? retryAt, string? error, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE webhook_deliveries SET attempts = @attempt, status = @status, next_attempt_at = @next, last_error = @error, finished_at = @finished WHERE id = @id";
        VigilDatabase.AddParameter(command, "@attempt", attempt);
        VigilDatabase.AddParameter(command, "@status", status);
        VigilDatabase.AddParameter(command, "@next", (retryAt ?? now).ToUnixTimeMilliseconds());
        VigilDatabase.AddParameter(command, "@error", error);
        VigilDatabase.AddParameter(command, "@finished", status == WebhookDeliveryStatus.Pending ? null : now.ToUnixTimeMilliseconds());
        VigilDatabase.AddParameter(command, "@id", deliveryId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deliveries of one of the member's webhooks, newest first, optionally in one status (the dead-letter list is status dead).</summary>
    public async Task<IReadOnlyList<WebhookDelivery>?> DeliveriesAsync(string orgId, string webhookId, string? status, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!await OwnsAsync(connection, orgId, webhookId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = DeliveryColumns + "WHERE d.webhook_id = @hook" + (status is null ? string.Empty : " AND d.status = @status") +
            " ORDER BY d.id DESC LIMIT " + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        VigilDatabase.AddParameter(command, "@hook", webhookId);
        if (status is not null)
        {
            VigilDatabase.AddParameter(command, "@status", status);
        }

        var result = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader, withSecret: false));
        }

        return result;
    }

    /// <summary>Puts a dead-lettered delivery of the member back in the queue, due now, with its attempts reset.</summary>
    public async Task<bool> RedeliverAsync(string orgId, long deliveryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, finished_at = NULL " +
            "WHERE id = @id AND status = 'dead' AND webhook_id IN (SELECT id FROM webhooks WHERE org_id = @org)";
        VigilDatabase.AddParameter(command, "@now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        VigilDatabase.AddParameter(command, "@id", deliveryId);
        VigilDatabase.AddParameter(command, "@org", orgId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static async Task<bool> OwnsAsync(DbConnection connection, string orgId, string webhookId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM webhooks WHERE id = @id AND org_id = @org";
        VigilDatabase.AddParameter(command, "@id", webhookId);
        VigilDatabase.AddParameter(command, "@org", orgId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
    }

    private static WebhookDelivery Read(DbDataReader row, bool withSecret) => new()
    {
        Id = row.GetInt64(0),
        WebhookId = row.GetString(1),
        Url = new Uri(row.GetString(2)),
        Secret = withSecret ? System.Text.Encoding.UTF8.GetBytes(row.GetString(3)) : null,
        AlertId = row.GetInt64(4),
        IdempotencyKey = row.GetString(5),
        Body = row.GetString(6),
        Attempts = row.GetInt32(7),
        Status = row.GetString(8),
        NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(9)),
        LastError = row.IsDBNull(10) ? null : row.GetString(10),
        FinishedAt = row.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(11)),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
