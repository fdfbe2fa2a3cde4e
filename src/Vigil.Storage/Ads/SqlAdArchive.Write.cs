using System.Data.Common;
using System.Security.Cryptography;
using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Search;

namespace Vigil.Storage.Ads;

public sealed partial class SqlAdArchive
{
    public async ValueTask<AdSaveResult> SaveAsync(Ad ad, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var results = await SaveManyAsync([ad], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Saves ads in one transaction (bulk import); each gets the result <see cref="SaveAsync"/> would give.</summary>
    public async Task<IReadOnlyList<AdSaveResult>> SaveManyAsync(IReadOnlyList<Ad> ads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ads);
        var results = new List<AdSaveResult>(ads.Count);
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = new Writer(lease.Connection, transaction, database.IsSqlite);
        foreach (var ad in ads)
        {
            results.Add(await writer.SaveAsync(ad, takedown: null, cancellationToken).ConfigureAwait(false));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    public async ValueTask<bool> TakeDownAsync(string platform, string id, Takedown takedown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(takedown);
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = new Writer(lease.Connection, transaction, database.IsSqlite);
        var current = await writer.CurrentAsync(InMemoryAdArchive.KeyOf(platform, id), cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        await writer.SaveAsync(AdJsonCodec.Decode(current.Value.Json), takedown, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The statements of one write transaction, prepared once and reused for every ad.</summary>
    private sealed class Writer(DbConnection connection, DbTransaction transaction, bool sqlite) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public async Task<(long Seq, int Version, byte[] Hash, byte[] Json)?> CurrentAsync(string key, CancellationToken cancellationToken)
        {
            var select = Command("SELECT seq, version, content_hash, ad_json FROM ads WHERE ad_key = @key" + (sqlite ? string.Empty : " FOR UPDATE"));
            AdRows.Set(select, "@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return (reader.GetInt64(0), reader.GetInt32(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
        }

        /// <summary>
        /// Saves as the in-memory archive does: identical content (ignoring the version) is unchanged; otherwise the next version,
        /// keeping an earlier takedown mark. A non-null <paramref name="takedown"/> always writes a new version carrying it.
        /// </summary>
        public async Task<AdSaveResult> SaveAsync(Ad ad, Takedown? takedown, CancellationToken cancellationToken)
        {
            var key = AdRows.KeyOf(ad);
            var current = await CurrentAsync(key, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                var first = ad with { Version = 1 };
                var json = AdJsonCodec.Encode(first);
                var insert = Command(
                    "INSERT INTO ads (ad_key, platform, ad_id, version, content_hash, start_ticks, stop_ticks, page_id, byline, advertiser_id, " +
                    "audience_lower, audience_upper, ad_json) VALUES (@key, @platform, @id, @version, @hash, @start, @stop, @page, @byline, " +
                    "@advertiser, @audience_lower, @audience_upper, @json) RETURNING seq");
                SetColumns(insert, first, json);
                AdRows.Set(insert, "@key", key);
                AdRows.Set(insert, "@platform", first.Platform);
                AdRows.Set(insert, "@id", first.Id);
                var seq = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                await WriteDerivedAsync(seq, first, json, replace: false, cancellationToken).ConfigureAwait(false);
                return AdSaveResult.Created;
            }

            var (currentSeq, version, hash, currentJson) = current.Value;
            if (takedown is null && Hash(ad).AsSpan().SequenceEqual(hash))
            {
                return AdSaveResult.Unchanged;
            }

            var carried = takedown ?? ad.Takedown ?? AdJsonCodec.Decode(currentJson).Takedown;
            var next = ad with { Version = version + 1, Takedown = carried };
            var nextJson = AdJsonCodec.Encode(next);
            var update = Command(
                "UPDATE ads SET version = @version, content_hash = @hash, start_ticks = @start, stop_ticks = @stop, page_id = @page, " +
                "byline = @byline, advertiser_id = @advertiser, audience_lower = @audience_lower, audience_upper = @audience_upper, " +
                "ad_json = @json WHERE seq = @seq");
            SetColumns(update, next, nextJson);
            AdRows.Set(update, "@seq", currentSeq);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await WriteDerivedAsync(currentSeq, next, nextJson, replace: true, cancellationToken).ConfigureAwait(false);
            return AdSaveResult.NewVersion;
        }

        private static byte[] Hash(Ad ad) => SHA256.HashData(AdJsonCodec.Encode(ad with { Version = 0 }));

        private static void SetColumns(DbCommand command, Ad ad, byte[] json)
        {
            AdRows.Set(command, "@version", ad.Version);
            AdRows.Set(command, "@hash", Hash(ad));
            AdRows.Set(command, "@start", AdRows.StartTicks(ad));
            AdRows.Set(command, "@stop", ad.DeliveryStop?.UtcTicks);
            AdRows.Set(command, "@page", ad.PageId);
            AdRows.Set(command, "@byline", ad.Byline);
            AdRows.Set(command, "@advertiser", ad.AdvertiserId);
            AdRows.Set(command, "@audience_lower", ad.EstimatedAudienceSize?.Lower);
            AdRows.Set(command, "@audience_upper", ad.EstimatedAudienceSize?.Upper);
            AdRows.Set(command, "@json", json);
        }

        private async Task WriteDerivedAsync(long seq, Ad ad, byte[] json, bool replace, CancellationToken cancellationToken)
        {
            if (replace)
            {
                foreach (var table in (string[])["ad_facets", "ad_tokens"])
                {
                    var clear = Command($"DELETE FROM {table} WHERE seq = @seq");
                    AdRows.Set(clear, "@seq", seq);
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            var version = Command("INSERT INTO ad_versions (seq, version, saved_ticks, ad_json) VALUES (@seq, @version, @saved, @json)");
            AdRows.Set(version, "@seq", seq);
            AdRows.Set(version, "@version", ad.Version);
            AdRows.Set(version, "@saved", DateTimeOffset.UtcNow.UtcTicks);
            AdRows.Set(version, "@json", json);
            await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            var facets = AdRows.Facets(ad);
            if (facets.Length > 0)
            {
                var insert = Command($"INSERT INTO ad_facets (value, seq) SELECT l.value, @seq FROM ({AdRows.ListRows(sqlite, "@values")}) AS l");
                AdRows.Set(insert, "@seq", seq);
                AdRows.SetList(insert, sqlite, "@values", facets);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var tokens = AdRows.Tokens(ad);
            if (tokens.Length > 0)
            {
                var insert = Command($"INSERT INTO ad_tokens (token, seq) SELECT l.value, @seq FROM ({AdRows.ListRows(sqlite, "@values")}) AS l");
                AdRows.Set(insert, "@seq", seq);
                AdRows.SetList(insert, sqlite, "@values", tokens);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private DbCommand Command(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                _commands[sql] = command;
            }

            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
