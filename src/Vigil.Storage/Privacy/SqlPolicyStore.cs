using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Privacy;
using Vigil.Storage.Alerts;
using Vigil.Storage.Database;

namespace Vigil.Storage.Privacy;

/// <summary>The policy versions on SQLite or PostgreSQL; events go to the hub's outbox in the transaction of the change.</summary>
public sealed class SqlPolicyStore(VigilDatabase database, SqlEventOutbox outbox, TimeProvider? time = null) : IPolicyStore
{
    private const string Columns = "SELECT version, document, sha256, changed_by, changed_at FROM privacy_policies ";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<DataPolicy> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var newest = await QueryAsync(Columns + "ORDER BY version DESC LIMIT 1", null, cancellationToken).ConfigureAwait(false);
        return newest.Count > 0 ? newest[0].Policy : DataPolicy.Default;
    }

    public async Task<StoredPolicy?> GetVersionAsync(int version, CancellationToken cancellationToken = default) =>
        (await QueryAsync(Columns + "WHERE version = @version", version, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<StoredPolicy>> ListVersionsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(Columns + "ORDER BY version", null, cancellationToken);

    public async Task<StoredPolicy> PublishAsync(DataPolicy policy, string changedBy, int? basedOn = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var document = DataPolicyDocument.ToJson(policy).ToJsonString();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!database.IsSqlite)
        {
            // Publishers queue here, so each reads the newest version the one before it wrote.
            await using var lockTable = Command(connection, transaction, "LOCK TABLE privacy_policies IN SHARE ROW EXCLUSIVE MODE");
            await lockTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var max = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM privacy_policies"))
        {
            current = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (basedOn is { } expected && expected != current)
        {
            throw new PolicyConflictException($"The policy is at version {current}, not {expected}; read it again and base the edit on version {current}.");
        }

        var stored = new StoredPolicy
        {
            Policy = policy with { Version = current + 1 },
            Document = document,
            Sha256 = sha256,
            ChangedBy = changedBy,
            ChangedAt = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
        await using (var insert = Command(connection, transaction,
            "INSERT INTO privacy_policies (version, document, sha256, changed_by, changed_at) VALUES (@version, @document, @sha, @by, @at)"))
        {
            VigilDatabase.AddParameter(insert, "@version", stored.Version);
            VigilDatabase.AddParameter(insert, "@document", document);
            VigilDatabase.AddParameter(insert, "@sha", sha256);
            VigilDatabase.AddParameter(insert, "@by", changedBy);
            VigilDatabase.AddParameter(insert, "@at", stored.ChangedAt.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await outbox.AppendAsync(connection, transaction, HubEventKinds.PolicyChanged,
            JsonSerializer.Serialize(new PolicyPublished(stored.Version, sha256, changedBy)), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task RecordRefusalsAsync(IReadOnlyList<ShareRefusal> refusals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        if (refusals.Count == 0)
        {
            return;
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var refusal in refusals)
        {
            await outbox.AppendAsync(lease.Connection, transaction, HubEventKinds.ShareRefused, JsonSerializer.Serialize(refusal), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StoredPolicy>> QueryAsync(string sql, int? version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        if (version is { } v)
        {
            VigilDatabase.AddParameter(command, "@version", v);
        }

        var result = new List<StoredPolicy>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var number = reader.GetInt32(0);
            var document = reader.GetString(1);
            var (policy, errors) = DataPolicyDocument.Parse(JsonNode.Parse(document), number);
            if (policy is null)
            {
                throw new InvalidDataException($"Stored policy version {number} does not parse: {string.Join("; ", errors)}");
            }

            result.Add(new StoredPolicy
            {
                Policy = policy,
                Document = document,
                Sha256 = reader.GetString(2),
                ChangedBy = reader.GetString(3),
                ChangedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            });
        }

        return result;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
