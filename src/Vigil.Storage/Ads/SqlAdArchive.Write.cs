using System.Data.Common;
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
        var prepared = PreparedAd.All(ads, cancellationToken);
        var results = new List<AdSaveResult>(ads.Count);
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = new Writer(lease.Connection, transaction, database.IsSqlite);
        await writer.LoadCurrentAsync(prepared, cancellationToken).ConfigureAwait(false);
        foreach (var ad in prepared)
        {
            results.Add(await writer.SaveAsync(ad, takedown: null, cancellationToken).ConfigureAwait(false));
        }

        await writer.FlushPendingAsync(cancellationToken).ConfigureAwait(false);
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

        await writer.SaveAsync(PreparedAd.Of(AdJsonCodec.Decode(current.Value.Json)), takedown, cancellationToken).ConfigureAwait(false);
        await writer.FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>An ad's current row as the write transaction sees it.</summary>
    private readonly record struct CurrentRow(long Seq, int Version, byte[] Hash, byte[] Json);

    /// <summary>
    /// The statements of one write transaction, prepared once and reused for every ad. Version rows, postings and (on
    /// PostgreSQL) new ads are gathered for the whole transaction and written together at the end, postings in key order,
    /// several rows a statement; new ads have the highest keys of each list, so they append.
    /// </summary>
    private sealed class Writer(DbConnection connection, DbTransaction transaction, bool sqlite) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
        // Parameters are bound by name, and SQLite finds a name by a linear search: a few rows per statement, not hundreds.
        private const int RowsPerInsert = 16;
        private readonly List<PostingRow> _facets = [];
        private readonly List<PostingRow> _tokens = [];
        private readonly List<VersionRow> _versions = [];
        // PostgreSQL: seq values taken from the identity sequence for the batch's new ads, and their rows, inserted together.
        private readonly Queue<long> _seqs = new();
        private readonly List<(PreparedAd Ad, long Seq)> _inserts = [];
        // The current row of every ad this transaction has read or written; a batch reads all of its keys in one query.
        private readonly Dictionary<string, CurrentRow?> _current = new(StringComparer.Ordinal);

        /// <summary>Reads the current rows of a batch's ads in one query (locking them on PostgreSQL) instead of one query per ad.</summary>
        public async Task LoadCurrentAsync(IReadOnlyList<PreparedAd> batch, CancellationToken cancellationToken)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ad in batch)
            {
                if (keys.Add(ad.Key))
                {
                    _current[ad.Key] = null;
                }
            }

            if (keys.Count == 0)
            {
                return;
            }

            var select = Command($"SELECT ad_key, seq, version, content_hash, ad_json FROM ads WHERE ad_key IN ({AdRows.ListRows(sqlite, "@keys")})" +
                (sqlite ? string.Empty : " FOR UPDATE"));
            AdRows.SetList(select, sqlite, "@keys", keys);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var found = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _current[reader.GetString(0)] = new CurrentRow(reader.GetInt64(1), reader.GetInt32(2), (byte[])reader.GetValue(3), (byte[])reader.GetValue(4));
                found++;
            }

            await reader.DisposeAsync().ConfigureAwait(false);
            if (!sqlite && keys.Count > found)
            {
                // One round trip for every new ad's seq instead of an INSERT … RETURNING each.
                var next = Command("SELECT nextval(pg_get_serial_sequence('ads', 'seq')) FROM generate_series(1, @n)");
                AdRows.Set(next, "@n", keys.Count - found);
                await using var seqs = await next.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await seqs.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    _seqs.Enqueue(seqs.GetInt64(0));
                }
            }
        }

        public async Task<CurrentRow?> CurrentAsync(string key, CancellationToken cancellationToken)
        {
            if (_current.TryGetValue(key, out var known))
            {
                return known;
            }

            var select = Command("SELECT seq, version, content_hash, ad_json FROM ads WHERE ad_key = @key" + (sqlite ? string.Empty : " FOR UPDATE"));
            AdRows.Set(select, "@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new CurrentRow(reader.GetInt64(0), reader.GetInt32(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
        }

        /// <summary>
        /// Saves as the in-memory archive does: identical content (ignoring the version) is unchanged; otherwise the next version,
        /// keeping an earlier takedown mark. A non-null <paramref name="takedown"/> always writes a new version carrying it.
        /// </summary>
        public async Task<AdSaveResult> SaveAsync(PreparedAd prepared, Takedown? takedown, CancellationToken cancellationToken)
        {
            var ad = prepared.Ad;
            var key = prepared.Key;
            var current = await CurrentAsync(key, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                var first = prepared.First;
                var json = prepared.FirstJson;
                if (_seqs.TryDequeue(out var allocated))
                {
                    _inserts.Add((prepared, allocated));
                    _current[key] = new CurrentRow(allocated, 1, prepared.Hash, json);
                    await WriteDerivedAsync(allocated, first, json, prepared, previous: null, cancellationToken).ConfigureAwait(false);
                    return AdSaveResult.Created;
                }

                var insert = Command(
                    "INSERT INTO ads (ad_key, platform, ad_id, version, content_hash, start_ticks, stop_ticks, page_id, byline, advertiser_id, " +
                    "audience_lower, audience_upper, spend_lower, impressions_lower, ad_json) VALUES (@key, @platform, @id, @version, @hash, @start, " +
                    "@stop, @page, @byline, @advertiser, @audience_lower, @audience_upper, @spend_lower, @impressions_lower, @json) RETURNING seq");
                SetColumns(insert, first, prepared.Hash, json);
                AdRows.Set(insert, "@key", key);
                AdRows.Set(insert, "@platform", first.Platform);
                AdRows.Set(insert, "@id", first.Id);
                var seq = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                _current[key] = new CurrentRow(seq, 1, prepared.Hash, json);
                await WriteDerivedAsync(seq, first, json, prepared, previous: null, cancellationToken).ConfigureAwait(false);
                return AdSaveResult.Created;
            }

            var (currentSeq, version, hash, currentJson) = current.Value;
            if (takedown is null && prepared.Hash.AsSpan().SequenceEqual(hash))
            {
                return AdSaveResult.Unchanged;
            }

            var previous = AdJsonCodec.Decode(currentJson);
            var carried = takedown ?? ad.Takedown ?? previous.Takedown;
            var next = ad with { Version = version + 1, Takedown = carried };
            var nextJson = AdJsonCodec.Encode(next);
            var update = Command(
                "UPDATE ads SET version = @version, content_hash = @hash, start_ticks = @start, stop_ticks = @stop, page_id = @page, " +
                "byline = @byline, advertiser_id = @advertiser, audience_lower = @audience_lower, audience_upper = @audience_upper, " +
                "spend_lower = @spend_lower, impressions_lower = @impressions_lower, ad_json = @json WHERE seq = @seq");
            // The row may still be waiting in this batch's inserts.
            await FlushInsertsAsync(cancellationToken).ConfigureAwait(false);
            var nextHash = PreparedAd.ContentHash(next);
            SetColumns(update, next, nextHash, nextJson);
            AdRows.Set(update, "@seq", currentSeq);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _current[key] = new CurrentRow(currentSeq, next.Version, nextHash, nextJson);
            await WriteDerivedAsync(currentSeq, next, nextJson, prepared, previous, cancellationToken).ConfigureAwait(false);
            return AdSaveResult.NewVersion;
        }

        private static void SetColumns(DbCommand command, Ad ad, byte[] hash, byte[] json)
        {
            AdRows.Set(command, "@version", ad.Version);
            AdRows.Set(command, "@hash", hash);
            AdRows.Set(command, "@start", AdRows.StartTicks(ad));
            AdRows.Set(command, "@stop", ad.DeliveryStop?.UtcTicks);
            AdRows.Set(command, "@page", ad.PageId);
            AdRows.Set(command, "@byline", ad.Byline);
            AdRows.Set(command, "@advertiser", ad.AdvertiserId);
            AdRows.Set(command, "@audience_lower", ad.EstimatedAudienceSize?.Lower);
            AdRows.Set(command, "@audience_upper", ad.EstimatedAudienceSize?.Upper);
            AdRows.Set(command, "@spend_lower", AdSorts.ValueOf(ad, AdSort.Spend));
            AdRows.Set(command, "@impressions_lower", AdSorts.ValueOf(ad, AdSort.Impressions));
            AdRows.Set(command, "@json", json);
        }

        /// <summary>The version row and the postings; facets and tokens depend on the content only, so the prepared ones serve every version.</summary>
        private async Task WriteDerivedAsync(long seq, Ad ad, byte[] json, PreparedAd prepared, Ad? previous, CancellationToken cancellationToken)
        {
            if (previous is not null)
            {
                // The old postings may still be waiting in this transaction's lists: write them first, then delete by key.
                await FlushPendingAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (table, column, values) in new[] { ("ad_facets", "value", AdRows.Facets(previous)), ("ad_tokens", "token", AdRows.Tokens(previous)) })
                {
                    if (values.Length == 0)
                    {
                        continue;
                    }

                    var clear = Command($"DELETE FROM {table} WHERE seq = @seq AND {column} IN ({AdRows.ListRows(sqlite, "@values")})");
                    AdRows.Set(clear, "@seq", seq);
                    AdRows.SetList(clear, sqlite, "@values", values);
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            _versions.Add(new VersionRow(seq, ad.Version, DateTimeOffset.UtcNow.UtcTicks, json));

            foreach (var facet in prepared.Facets)
            {
                _facets.Add(new PostingRow(facet, seq));
            }

            foreach (var token in prepared.Tokens)
            {
                _tokens.Add(new PostingRow(token, seq));
            }
        }

        /// <summary>Writes what the transaction has gathered: new ads first, then version rows, then postings in key order.</summary>
        public async Task FlushPendingAsync(CancellationToken cancellationToken)
        {
            await FlushInsertsAsync(cancellationToken).ConfigureAwait(false);
            await FlushVersionsAsync(cancellationToken).ConfigureAwait(false);
            await FlushAsync(_facets, "ad_facets", "value", cancellationToken).ConfigureAwait(false);
            await FlushAsync(_tokens, "ad_tokens", "token", cancellationToken).ConfigureAwait(false);
        }

        private async Task FlushAsync(List<PostingRow> postings, string table, string column, CancellationToken cancellationToken)
        {
            if (postings.Count == 0)
            {
                return;
            }

            postings.Sort(static (a, b) =>
            {
                var byValue = string.CompareOrdinal(a.Value, b.Value);
                return byValue != 0 ? byValue : a.Seq.CompareTo(b.Seq);
            });
            if (sqlite)
            {
                // Many rows per statement: one step of the prepared statement per posting costs more than the B-tree insert.
                for (var start = 0; start < postings.Count; start += RowsPerInsert)
                {
                    var rows = Math.Min(RowsPerInsert, postings.Count - start);
                    var insert = MultiRowInsert(table, column, rows);
                    var parameters = insert.Parameters;
                    for (var i = 0; i < rows; i++)
                    {
                        var posting = postings[start + i];
                        parameters[2 * i].Value = posting.Value;
                        parameters[(2 * i) + 1].Value = posting.Seq;
                    }

                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var insert = Command($"INSERT INTO {table} ({column}, seq) SELECT * FROM unnest(@values, @seqs)");
                AdRows.SetList(insert, sqlite, "@values", [.. postings.Select(p => p.Value)]);
                AdRows.SetArray(insert, "@seqs", [.. postings.Select(p => p.Seq)]);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            postings.Clear();
        }

        private readonly record struct PostingRow(string Value, long Seq);

        private readonly record struct VersionRow(long Seq, int Version, long SavedTicks, byte[] Json);

        /// <summary>Writes the gathered version rows: one prepared insert each on SQLite (in-process), one <c>unnest</c> on PostgreSQL.</summary>
        private async Task FlushVersionsAsync(CancellationToken cancellationToken)
        {
            if (_versions.Count == 0)
            {
                return;
            }

            if (sqlite)
            {
                var insert = Command("INSERT INTO ad_versions (seq, version, saved_ticks, ad_json) VALUES (@seq, @version, @saved, @json)");
                foreach (var row in _versions)
                {
                    AdRows.Set(insert, "@seq", row.Seq);
                    AdRows.Set(insert, "@version", row.Version);
                    AdRows.Set(insert, "@saved", row.SavedTicks);
                    AdRows.Set(insert, "@json", row.Json);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var insert = Command("INSERT INTO ad_versions (seq, version, saved_ticks, ad_json) SELECT * FROM unnest(@seqs, @versions, @saved, @jsons)");
                AdRows.SetArray(insert, "@seqs", [.. _versions.Select(v => v.Seq)]);
                AdRows.SetArray(insert, "@saved", [.. _versions.Select(v => v.SavedTicks)]);
                AdRows.SetArray(insert, "@versions", NpgsqlTypes.NpgsqlDbType.Integer, _versions.Select(v => v.Version).ToArray());
                AdRows.SetArray(insert, "@jsons", NpgsqlTypes.NpgsqlDbType.Bytea, _versions.Select(v => v.Json).ToArray());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            _versions.Clear();
        }

        /// <summary>PostgreSQL: the batch's new ads in one <c>unnest</c>, with the seq values taken for them.</summary>
        private async Task FlushInsertsAsync(CancellationToken cancellationToken)
        {
            if (_inserts.Count == 0)
            {
                return;
            }

            var insert = Command(
                "INSERT INTO ads (seq, ad_key, platform, ad_id, version, content_hash, start_ticks, stop_ticks, page_id, byline, advertiser_id, " +
                "audience_lower, audience_upper, spend_lower, impressions_lower, ad_json) SELECT * FROM unnest(@seqs, @keys, @platforms, @ids, " +
                "@versions, @hashes, @starts, @stops, @pages, @bylines, @advertisers, @audience_lowers, @audience_uppers, @spends, @impressions, @jsons)");
            var ads = _inserts.Select(i => i.Ad.First).ToArray();
            AdRows.SetArray(insert, "@seqs", [.. _inserts.Select(i => i.Seq)]);
            AdRows.SetList(insert, sqlite, "@keys", [.. _inserts.Select(i => i.Ad.Key)]);
            AdRows.SetList(insert, sqlite, "@platforms", [.. ads.Select(a => a.Platform)]);
            AdRows.SetList(insert, sqlite, "@ids", [.. ads.Select(a => a.Id)]);
            AdRows.SetArray(insert, "@versions", NpgsqlTypes.NpgsqlDbType.Integer, ads.Select(a => a.Version).ToArray());
            AdRows.SetArray(insert, "@hashes", NpgsqlTypes.NpgsqlDbType.Bytea, _inserts.Select(i => i.Ad.Hash).ToArray());
            AdRows.SetArray(insert, "@starts", [.. ads.Select(AdRows.StartTicks)]);
            AdRows.SetArray(insert, "@stops", NpgsqlTypes.NpgsqlDbType.Bigint, ads.Select(a => a.DeliveryStop?.UtcTicks).ToArray());
            AdRows.SetArray(insert, "@pages", NpgsqlTypes.NpgsqlDbType.Text, ads.Select(a => a.PageId).ToArray());
            AdRows.SetArray(insert, "@bylines", NpgsqlTypes.NpgsqlDbType.Text, ads.Select(a => a.Byline).ToArray());
            AdRows.SetArray(insert, "@advertisers", NpgsqlTypes.NpgsqlDbType.Text, ads.Select(a => a.AdvertiserId).ToArray());
            AdRows.SetArray(insert, "@audience_lowers", NpgsqlTypes.NpgsqlDbType.Bigint, ads.Select(a => a.EstimatedAudienceSize?.Lower).ToArray());
            AdRows.SetArray(insert, "@audience_uppers", NpgsqlTypes.NpgsqlDbType.Bigint, ads.Select(a => a.EstimatedAudienceSize?.Upper).ToArray());
            AdRows.SetArray(insert, "@spends", [.. ads.Select(a => AdSorts.ValueOf(a, AdSort.Spend))]);
            AdRows.SetArray(insert, "@impressions", [.. ads.Select(a => AdSorts.ValueOf(a, AdSort.Impressions))]);
            AdRows.SetArray(insert, "@jsons", NpgsqlTypes.NpgsqlDbType.Bytea, _inserts.Select(i => i.Ad.FirstJson).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _inserts.Clear();
        }

        /// <summary>An <c>INSERT … VALUES (…), (…)</c> of <paramref name="rows"/> postings with its parameters in row order (SQLite).</summary>
        private DbCommand MultiRowInsert(string table, string column, int rows)
        {
            var sql = new System.Text.StringBuilder($"INSERT INTO {table} ({column}, seq) VALUES ");
            for (var i = 0; i < rows; i++)
            {
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(i > 0 ? "," : string.Empty)}(@v{i},@s{i})");
            }

            var text = sql.ToString();
            if (_commands.TryGetValue(text, out var command))
            {
                return command;
            }

            command = Command(text);
            for (var i = 0; i < rows; i++)
            {
                foreach (var prefix in (string[])["@v", "@s"])
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameter.Value = DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }

            return command;
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
