using System.Data.Common;
using System.Text.Json;
using Vigil.Correlation.Watchlists;
using Vigil.Storage.Database;

namespace Vigil.Storage.Alerts;

/// <summary>Watchlists on SQLite or PostgreSQL. <see cref="Version"/> changes with every save or delete made through this instance.</summary>
public sealed class SqlWatchlistStore(VigilDatabase database, TimeProvider? time = null)
{
    private const string Columns = "SELECT id, org_id, user_id, name, spec, created_at FROM watchlists ";
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public async Task<Watchlist> CreateAsync(string orgId, string? userId, string name, WatchlistSubscription criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var id = "watchlist--" + Guid.NewGuid().ToString("D");
        var watchlist = new Watchlist
        {
            Id = id,
            OrgId = orgId,
            UserId = userId,
            Name = name,
            Subscription = criteria with { Id = id, SubscriberId = orgId },
            CreatedAt = _time.GetUtcNow(),
        };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO watchlists (id, org_id, user_id, name, spec, created_at) VALUES (@id, @org, @user, @name, @spec, @at)";
        VigilDatabase.AddParameter(command, "@id", id);
        VigilDatabase.AddParameter(command, "@org", orgId);
        VigilDatabase.AddParameter(command, "@user", userId);
        VigilDatabase.AddParameter(command, "@name", name);
        VigilDatabase.AddParameter(command, "@spec", JsonSerializer.Serialize(WatchlistSpec.From(criteria)));
        VigilDatabase.AddParameter(command, "@at", watchlist.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _version);
        return watchlist;
    }

    public Task<IReadOnlyList<Watchlist>> ListAllAsync(CancellationToken cancellationToken = default) => QueryAsync(null, null, cancellationToken);

    public Task<IReadOnlyList<Watchlist>> ListAsync(string orgId, CancellationToken cancellationToken = default) => QueryAsync(orgId, null, cancellationToken);

    public async Task<Watchlist?> GetAsync(string orgId, string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync(orgId, id, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Deletes a watchlist of <paramref name="orgId"/>; false when it has none with that id.</summary>
    public async Task<bool> DeleteAsync(string orgId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM watchlists WHERE org_id = @org AND id = @id";
        VigilDatabase.AddParameter(command, "@org", orgId);
        VigilDatabase.AddParameter(command, "@id", id);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        Interlocked.Increment(ref _version);
        return deleted;
    }

    private async Task<IReadOnlyList<Watchlist>> QueryAsync(string? orgId, string? id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (orgId is not null)
        {
            where.Add("org_id = @org");
            VigilDatabase.AddParameter(command, "@org", orgId);
        }

        if (id is not null)
        {
            where.Add("id = @id");
            VigilDatabase.AddParameter(command, "@id", id);
        }

        command.CommandText = Columns + (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty) + " ORDER BY created_at, id";
        var result = new List<Watchlist>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    private static Watchlist Read(DbDataReader row)
    {
        var id = row.GetString(0);
        var org = row.GetString(1);
        var spec = JsonSerializer.Deserialize<WatchlistSpec>(row.GetString(4)) ?? new WatchlistSpec();
        return new Watchlist
        {
            Id = id,
            OrgId = org,
            UserId = row.IsDBNull(2) ? null : row.GetString(2),
            Name = row.GetString(3),
            Subscription = spec.ToSubscription(id, org),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(5)),
        };
    }
}
