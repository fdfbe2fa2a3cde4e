using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Ads.Advertisers;
using Vigil.Storage.Database;

namespace Vigil.Storage.Ads;

/// <summary>
/// <see cref="IAdvertiserStore"/> over <see cref="AdvertiserSchema"/>, with the in-memory store's semantics: saving replaces the
/// advertiser and (re)maps each of its accounts to it (platform compared lower-cased).
/// </summary>
public sealed class SqlAdvertiserStore(VigilDatabase database) : IAdvertiserStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async ValueTask<Advertiser?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT advertiser_json FROM ad_advertisers WHERE id = @id";
        AdRows.Set(command, "@id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<Advertiser>(json, Json)
            : null;
    }

    public async ValueTask<Advertiser?> FindByAccountAsync(string platform, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.advertiser_json FROM ad_advertiser_accounts m JOIN ad_advertisers a ON a.id = m.advertiser_id " +
            "WHERE m.platform = @platform AND m.account_id = @account";
        AdRows.Set(command, "@platform", platform.ToLowerInvariant());
        AdRows.Set(command, "@account", accountId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<Advertiser>(json, Json)
            : null;
    }

    public async ValueTask SaveAsync(Advertiser advertiser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advertiser);
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var upsert = lease.Connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO ad_advertisers (id, advertiser_json) VALUES (@id, @json) " +
                "ON CONFLICT (id) DO UPDATE SET advertiser_json = excluded.advertiser_json";
            AdRows.Set(upsert, "@id", advertiser.Id);
            AdRows.Set(upsert, "@json", JsonSerializer.Serialize(advertiser, Json));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var account in advertiser.Accounts)
        {
            await using var map = lease.Connection.CreateCommand();
            map.Transaction = transaction;
            map.CommandText = "INSERT INTO ad_advertiser_accounts (platform, account_id, advertiser_id) VALUES (@platform, @account, @id) " +
                "ON CONFLICT (platform, account_id) DO UPDATE SET advertiser_id = excluded.advertiser_id";
            AdRows.Set(map, "@platform", account.Platform.ToLowerInvariant());
            AdRows.Set(map, "@account", account.AccountId);
            AdRows.Set(map, "@id", advertiser.Id);
            await map.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
