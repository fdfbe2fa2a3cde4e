using System.Data.Common;
using Vigil.Core.Members;

namespace Vigil.Storage.Members;

public sealed partial class SqlMemberStore
{
    private const string ApiKeyColumns = "id, org_id, user_id, name, read_collections, write_collections, can_write, revoked, created, last_used";

    /// <summary>How stale <c>last_used</c> may get before a verification writes it again (it is not worth a write per request).</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(10);

    public async Task<(ApiKey Key, string Secret)> CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stored = key with
        {
            Id = string.IsNullOrWhiteSpace(key.Id) ? NewId() : key.Id,
            Created = key.Created == default ? _time.GetUtcNow() : key.Created,
            Revoked = false,
            LastUsed = null,
        };
        var secret = ApiKeySecret.Generate();
        await ExecuteAsync(
            $"INSERT INTO api_keys ({ApiKeyColumns}, key_hash) VALUES (@id, @org, @user, @name, @read, @write, @canWrite, 0, @created, NULL, @hash)",
            cancellationToken,
            ("@id", stored.Id), ("@org", stored.OrgId), ("@user", stored.UserId), ("@name", stored.Name),
            ("@read", JoinIds(stored.ReadCollections)), ("@write", JoinIds(stored.WriteCollections)), ("@canWrite", stored.CanWrite ? 1 : 0),
            ("@created", Format(stored.Created)), ("@hash", ApiKeySecret.Hash(secret, _options.Pepper))).ConfigureAwait(false);
        Changed();
        return (stored, secret);
    }

    public async Task<ApiKey?> VerifyApiKeyAsync(string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!ApiKeySecret.LooksLikeKey(secret))
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(secret, _options.Pepper);
        var rows = await QueryAsync($"SELECT {ApiKeyColumns} FROM api_keys WHERE key_hash = @hash", ReadApiKey, cancellationToken, ("@hash", hash))
            .ConfigureAwait(false);
        if (rows.Count == 0 || rows[0].Revoked)
        {
            return null;
        }

        var key = rows[0];
        var now = _time.GetUtcNow();
        if (key.LastUsed is not { } last || now - last > LastUsedResolution)
        {
            await ExecuteAsync("UPDATE api_keys SET last_used = @now WHERE id = @id", cancellationToken, ("@now", Format(now)), ("@id", key.Id))
                .ConfigureAwait(false);
            key = key with { LastUsed = now };
        }

        return key;
    }

    public async Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {ApiKeyColumns} FROM api_keys WHERE id = @id", ReadApiKey, cancellationToken, ("@id", keyId)).ConfigureAwait(false))
            .FirstOrDefault();

    public async Task<bool> RevokeApiKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var changed = await ExecuteAsync("UPDATE api_keys SET revoked = 1 WHERE id = @id", cancellationToken, ("@id", keyId)).ConfigureAwait(false);
        Changed();
        return changed > 0;
    }

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(string orgId, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {ApiKeyColumns} FROM api_keys WHERE org_id = @org ORDER BY created, id", ReadApiKey, cancellationToken, ("@org", orgId))
            .ConfigureAwait(false);

    private static ApiKey ReadApiKey(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        OrgId = row.GetString(1),
        UserId = Text(row, 2),
        Name = row.GetString(3),
        ReadCollections = SplitIds(row.GetString(4)),
        WriteCollections = SplitIds(row.GetString(5)),
        CanWrite = Flag(row, 6),
        Revoked = Flag(row, 7),
        Created = ParseTime(row.GetString(8)),
        LastUsed = Text(row, 9) is { } used ? ParseTime(used) : null,
    };
}
