using System.Data.Common;
using System.Globalization;
using Vigil.Core.Events;
using Vigil.Storage.Database;

namespace Vigil.Storage.Alerts;

/// <summary>
/// The event outbox: <see cref="AppendAsync"/> runs inside the transaction of the change it describes, so a crash
/// leaves neither a change without its event nor an event without its change; consumers read in id order and keep
/// their own cursor (at-least-once: a consumer that crashes before saving its cursor sees the events again).
/// </summary>
public sealed class SqlEventOutbox(VigilDatabase database, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, string kind, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO event_outbox (kind, payload, occurred_at) VALUES (@kind, @payload, @at)";
        VigilDatabase.AddParameter(command, "@kind", kind);
        VigilDatabase.AddParameter(command, "@payload", payload);
        VigilDatabase.AddParameter(command, "@at", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HubEvent>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, payload, occurred_at FROM event_outbox WHERE id > @after ORDER BY id LIMIT " +
            Math.Clamp(limit, 1, 10_000).ToString(CultureInfo.InvariantCulture);
        VigilDatabase.AddParameter(command, "@after", afterId);
        var events = new List<HubEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new HubEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return events;
    }

    public async Task<long> LastIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM event_outbox";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<long> GetCursorAsync(string consumer, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_id FROM event_cursors WHERE consumer = @consumer";
        VigilDatabase.AddParameter(command, "@consumer", consumer);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : 0;
    }

    public async Task SetCursorAsync(string consumer, long lastId, CancellationToken cancellationToken = default)
    {
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var command = lease.Connection.CreateCommand();
        command.CommandText = "INSERT INTO event_cursors (consumer, last_id) VALUES (@consumer, @id) " +
            "ON CONFLICT (consumer) DO UPDATE SET last_id = excluded.last_id";
        VigilDatabase.AddParameter(command, "@consumer", consumer);
        VigilDatabase.AddParameter(command, "@id", lastId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
