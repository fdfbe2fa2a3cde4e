using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Storage.Database;

namespace Vigil.Storage.Ads;

/// <summary>
/// <see cref="IAdArchive"/> over the ad tables (<see cref="AdSchema"/>), answering exactly as <see cref="InMemoryAdArchive"/>: the
/// same filters, the same orders and the same <see cref="AdCursor"/>s. Keywords and list facets are posting lists keyed by
/// value and ad. When one of them is short it drives the search: its ads are read, every other keyword and facet is probed by
/// key, the remaining filters are checked on the ad and the matches sorted. When all are long, matches are dense: the search
/// walks the archive-order index and probes, stopping when the page is full. An exact phrase is checked on the candidates'
/// text lists, read in keyset batches sized by the hit rate so far until the page is full. <c>sort</c> by spend or
/// impressions walks that column's index.
/// <para>
/// On PostgreSQL the walk reads only the index (it covers the ad's <c>seq</c>), each probe stays a lookup per walked ad, and
/// ad rows are read for the page alone. Unless a list is shorter than <see cref="AlwaysDrive"/>, the search there walks first,
/// in windows of the archive order (<see cref="WalkWindow"/> index rows, then four times more each), as keywords and facets
/// are often correlated, which the density estimate misses, and reading a list's ads costs more than on SQLite. Once the
/// windows have covered twice the shortest list's (capped) count without filling the page, that list drives from where they
/// stopped, so a search whose long lists rarely meet stays bounded.
/// </para>
/// </summary>
public sealed partial class SqlAdArchive(VigilDatabase database) : IAdArchive
{
    private const int StreamBatch = 1000;
    private const int MaxPhraseBatch = 4096;

    /// <summary>Postings counted per candidate list when choosing how to search.</summary>
    private const int DriverCountCap = 20_000;

    /// <summary>A posting list this short always drives the search.</summary>
    private const int AlwaysDrive = 2_000;

    /// <summary>Index rows of a PostgreSQL walk's first window.</summary>
    private const int WalkWindow = 16_000;

    public async ValueTask<Ad?> GetAsync(string platform, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ad_json FROM ads WHERE ad_key = @key";
        AdRows.Set(command, "@key", InMemoryAdArchive.KeyOf(platform, id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] json ? AdJsonCodec.Decode(json) : null;
    }

    public async ValueTask<IReadOnlyList<Ad>> GetVersionsAsync(string platform, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT v.ad_json FROM ads a JOIN ad_versions v ON v.seq = a.seq WHERE a.ad_key = @key ORDER BY v.version";
        AdRows.Set(command, "@key", InMemoryAdArchive.KeyOf(platform, id));
        var versions = new List<Ad>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(AdJsonCodec.Decode((byte[])reader.GetValue(0)));
        }

        return versions;
    }

    /// <summary>Number of ads (current versions) in the archive.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ads";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask<AdSearchPage> SearchAsync(AdsArchiveQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ads = new List<(Ad Ad, long Ticks, string Key)>(Math.Min(query.Limit + 1, 1024));
        await foreach (var match in ScanAsync(query, now, query.Limit + 1, cancellationToken).ConfigureAwait(false))
        {
            ads.Add(match);
            if (ads.Count > query.Limit)
            {
                break;
            }
        }

        string? after = null;
        if (ads.Count > query.Limit)
        {
            ads.RemoveAt(ads.Count - 1);
            after = new AdCursor(ads[^1].Ticks, ads[^1].Key) { Sort = query.Sort, Value = AdSorts.ValueOf(ads[^1].Ad, query.Sort) }.Encode();
        }

        return new AdSearchPage([.. ads.Select(a => a.Ad)], after);
    }

    public async IAsyncEnumerable<Ad> StreamAsync(AdsArchiveQuery query, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var match in ScanAsync(query, now, StreamBatch, cancellationToken).ConfigureAwait(false))
        {
            yield return match.Ad;
        }
    }

    private async IAsyncEnumerable<(Ad Ad, long Ticks, string Key)> ScanAsync(AdsArchiveQuery query, DateTimeOffset now, int batch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.AdType is not ("ALL" or "POLITICAL_AND_ISSUE_ADS"))
        {
            yield break;
        }

        var terms = query.SearchTerms is { } text ? AdTokenizer.Tokens(text) : [];
        var phrase = query.SearchType == SearchType.KeywordExactPhrase && terms.Count > 0;
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var facets = Facets(query);

        AdCursor? cursor = query.After is { } after && AdCursor.TryDecode(after, out var c) ? c : null;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        Posting? driver = null;
        Posting? shortest = null;
        var window = 0;
        long budget = 0;
        if (query.Sort == AdSort.Newest)
        {
            var choice = await DriverAsync(connection, distinct, facets, batch, cancellationToken).ConfigureAwait(false);
            if (choice.Empty)
            {
                yield break;
            }

            driver = choice.Driver;
            if (!database.IsSqlite && choice.Shortest is { } list && choice.Length >= AlwaysDrive)
            {
                (driver, shortest, window, budget) = (null, list, WalkWindow, 2 * choice.Length);
            }
        }

        var wanted = batch;
        long candidates = 0;
        long found = 0;
        while (true)
        {
            var rows = 0;
            var start = cursor;
            await using var command = connection.CreateCommand();
            command.CommandText = SearchSql(command, query, now, distinct, facets, driver, cursor, batch, window, end: false);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                    candidates++;
                    var ticks = reader.GetInt64(0);
                    var key = reader.GetString(1);
                    cursor = new AdCursor(ticks, key) { Sort = query.Sort, Value = reader.GetInt64(3) };
                    var json = (byte[])reader.GetValue(2);
                    if (!phrase || AdRows.HasPhrase(json, terms))
                    {
                        found++;
                        yield return (AdJsonCodec.Decode(json), ticks, key);
                    }
                }
            }

            if (rows < batch && window > 0)
            {
                // The window held too few matches: go on after its last row, if the archive goes on, with a larger window or,
                // once the budget is spent, with the shortest list driving.
                cursor = await WindowEndAsync(connection, query, now, start, window, cancellationToken).ConfigureAwait(false);
                if (cursor is null)
                {
                    yield break;
                }

                budget -= window;
                (driver, window) = budget > 0 ? (null, (int)Math.Min(window * 4L, budget)) : (shortest, 0);
                continue;
            }

            if (rows < batch)
            {
                yield break;
            }

            // Candidates the phrase check refuses cost a query each round: ask for as many as the hit rate so far says the rest
            // of the batch needs (a quarter more), or four times as many while none matched or once the batch is complete.
            if (phrase)
            {
                var grown = found > 0 && found < wanted ? (wanted - found) * candidates / found * 5 / 4 : batch * 4L;
                batch = Math.Max(batch, (int)Math.Min(grown, MaxPhraseBatch));
            }
        }
    }

    /// <summary>The list facets of a query with their stored values (<see cref="AdRows.Facets"/>), one entry per filter.</summary>
    private static List<string[]> Facets(AdsArchiveQuery query)
    {
        var facets = new List<string[]>(4);
        void Add(string kind, IReadOnlyList<string> values, Func<string, string> normalize)
        {
            if (values.Count > 0)
            {
                facets.Add([.. values.Select(v => kind + ":" + normalize(v)).Distinct(StringComparer.Ordinal)]);
            }
        }

        Add("c", query.ReachedCountries, v => v);
        Add("l", query.Languages, v => v);
        Add("p", query.PublisherPlatforms, v => v.ToUpperInvariant());
        Add("r", query.Regions, v => v.ToUpperInvariant());
        return facets;
    }

    /// <summary>
    /// The posting list that drives a search, if any: of the keywords and single-value facets the one with the fewest postings
    /// (each counted up to <see cref="DriverCountCap"/>). Reading it whole costs about its length; walking the archive order
    /// costs about <c>limit / density</c> rows, the density estimated as the product of every list's share of the ads. The list
    /// drives when it is shorter than <see cref="AlwaysDrive"/>, or than the count cap and a third of that walk (a walked row
    /// is cheaper: no sort); otherwise none does. Empty when a keyword or facet has no posting at all, so nothing can match.
    /// Also the shortest list and its count, whether it drives or not.
    /// </summary>
    private async Task<DriverChoice> DriverAsync(DbConnection connection, List<string> terms, List<string[]> facets, int limit,
        CancellationToken cancellationToken)
    {
        var candidates = new List<Posting>();
        candidates.AddRange(terms.Select(t => new Posting("ad_tokens", "token", t)));
        candidates.AddRange(facets.Where(f => f.Length == 1).Select(f => new Posting("ad_facets", "value", f[0])));
        if (candidates.Count == 0)
        {
            return new DriverChoice(false, null, null, 0);
        }

        await using var command = connection.CreateCommand();
        var counts = new StringBuilder("SELECT (SELECT max(seq) FROM ads)");
        for (var i = 0; i < candidates.Count; i++)
        {
            var name = "@candidate" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            counts.Append(System.Globalization.CultureInfo.InvariantCulture,
                $", (SELECT count(*) FROM (SELECT 1 FROM {candidates[i].Table} WHERE {candidates[i].Column} = {name} LIMIT {DriverCountCap}) AS x{i})");
            AdRows.Set(command, name, candidates[i].Value);
        }

        command.CommandText = counts.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var ads = reader.IsDBNull(0) ? 0 : Math.Max(1, reader.GetInt64(0));
        var best = 0;
        var bestCount = long.MaxValue;
        var density = 1.0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var count = reader.GetInt64(i + 1);
            if (count == 0)
            {
                return new DriverChoice(true, null, null, 0);
            }

            density *= Math.Min(1.0, (double)count / ads);
            if (count < bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }

        var walk = (limit + 1) / density;
        // A list that reached the count cap is long and of unknown length: walking wins.
        var drives = bestCount < AlwaysDrive || (bestCount < DriverCountCap && bestCount < walk / 3);
        return new DriverChoice(false, drives ? candidates[best] : null, candidates[best], bestCount);
    }

    /// <summary>
    /// The position of the last index row a window of <paramref name="window"/> rows from <paramref name="start"/> covered;
    /// null when the archive ends before it.
    /// </summary>
    private async Task<AdCursor?> WindowEndAsync(DbConnection connection, AdsArchiveQuery query, DateTimeOffset now, AdCursor? start,
        int window, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SearchSql(command, query, now, [], [], null, start, 1, window, end: true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AdCursor(reader.GetInt64(0), reader.GetString(1)) { Sort = query.Sort, Value = 0 }
            : null;
    }

    private string SearchSql(DbCommand command, AdsArchiveQuery query, DateTimeOffset now, List<string> terms, List<string[]> facets, Posting? driver,
        AdCursor? cursor, int batch, int window, bool end)
    {
        var sqlite = database.IsSqlite;
        var where = new List<string>();
        // Probes into the posting lists need only the ad's key, which the archive-order index holds: they come first, so a walk
        // reads the ad's row (a random page of a large table) only for ads that pass them.
        var probes = new List<string>();
        var sortColumn = query.Sort switch
        {
            AdSort.Spend => "a.spend_lower",
            AdSort.Impressions => "a.impressions_lower",
            _ => null,
        };
        if (driver is { } d)
        {
            if (sqlite)
            {
                where.Add($"a.seq = d.seq AND d.{d.Column} = @driver");
            }

            AdRows.Set(command, "@driver", d.Value);
        }

        if (cursor is { } after)
        {
            var position = $"a.start_ticks <= @after_ticks AND (a.start_ticks < @after_ticks OR a.ad_key > @after_key)";
            where.Add(sortColumn is null
                ? position
                : $"{sortColumn} <= @after_value AND ({sortColumn} < @after_value OR ({position}))");
            AdRows.Set(command, "@after_ticks", after.StartTicks);
            AdRows.Set(command, "@after_key", after.Id);
            AdRows.Set(command, "@after_value", after.Value);
        }

        switch (query.ActiveStatus)
        {
            case ActiveStatus.Active:
                where.Add("a.start_ticks <= @now AND (a.stop_ticks IS NULL OR a.stop_ticks >= @now)");
                AdRows.Set(command, "@now", now.UtcTicks);
                break;
            case ActiveStatus.Inactive:
                where.Add("(a.start_ticks > @now OR a.stop_ticks < @now)");
                AdRows.Set(command, "@now", now.UtcTicks);
                break;
        }

        if (query.DeliveryDateMin is { } min)
        {
            where.Add("(a.stop_ticks IS NULL OR a.stop_ticks >= @date_min)");
            AdRows.Set(command, "@date_min", new DateTimeOffset(min.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks);
        }

        if (query.DeliveryDateMax is { } max)
        {
            where.Add($"a.start_ticks <> @no_start AND a.start_ticks < @date_max");
            AdRows.Set(command, "@no_start", AdCursor.NoStart);
            AdRows.Set(command, "@date_max", new DateTimeOffset(max.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks);
        }

        // Every other keyword and facet is a probe by key into its posting list. On a PostgreSQL walk OFFSET 0 keeps each one a
        // lookup per walked ad: as a semi-join the planner reads whole lists and joins them, the matches then sorted.
        var walk = !sqlite && driver is null;
        var probeEnd = walk ? " OFFSET 0" : string.Empty;
        for (var i = 0; i < facets.Count; i++)
        {
            if (driver is { Table: "ad_facets" } fd && facets[i].Length == 1 && facets[i][0] == fd.Value)
            {
                continue;
            }

            var name = "@facet" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string match;
            if (facets[i].Length == 1)
            {
                match = $"f.value = {name}";
                AdRows.Set(command, name, facets[i][0]);
            }
            else
            {
                match = sqlite ? $"f.value IN (SELECT value FROM json_each({name}))" : $"f.value = ANY({name})";
                AdRows.SetList(command, sqlite, name, facets[i]);
            }

            probes.Add($"EXISTS (SELECT 1 FROM ad_facets f WHERE {match} AND f.seq = a.seq{probeEnd})");
        }

        for (var i = 0; i < terms.Count; i++)
        {
            if (driver is { Table: "ad_tokens" } td && terms[i] == td.Value)
            {
                continue;
            }

            var name = "@term" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            probes.Add($"EXISTS (SELECT 1 FROM ad_tokens k WHERE k.token = {name} AND k.seq = a.seq{probeEnd})");
            AdRows.Set(command, name, terms[i]);
        }

        if (query.PageIds.Count > 0)
        {
            where.Add($"a.page_id IN ({AdRows.ListRows(sqlite, "@page_ids")})");
            AdRows.SetList(command, sqlite, "@page_ids", query.PageIds);
        }

        if (query.Bylines.Count > 0)
        {
            where.Add($"a.byline IN ({AdRows.ListRows(sqlite, "@bylines")})");
            AdRows.SetList(command, sqlite, "@bylines", query.Bylines);
        }

        if (query.AudienceSizeMin is not null || query.AudienceSizeMax is not null)
        {
            where.Add("a.audience_lower IS NOT NULL");
            if (query.AudienceSizeMin is { } amin)
            {
                where.Add("(a.audience_upper IS NULL OR a.audience_upper >= @audience_min)");
                AdRows.Set(command, "@audience_min", amin);
            }

            if (query.AudienceSizeMax is { } amax)
            {
                where.Add("a.audience_lower <= @audience_max");
                AdRows.Set(command, "@audience_max", amax);
            }
        }

        var order = (sortColumn is null ? string.Empty : sortColumn + " DESC, ") + "a.start_ticks DESC, a.ad_key";
        var limit = batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var size = window.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (end)
        {
            var last = (window - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"SELECT a.start_ticks, a.ad_key FROM ads a{Where(where)} ORDER BY {order} OFFSET {last} LIMIT 1";
        }

        if (walk)
        {
            // The walk keeps to the archive-order index (it covers the cursor, status, date and audience filters and seq); the
            // page's rows are read last. A window first takes the next index rows, then probes them.
            var outer = order.Replace("a.", "r.", StringComparison.Ordinal);
            var inner = window > 0
                ? $"SELECT a.seq FROM (SELECT a.seq, a.start_ticks, a.ad_key FROM ads a{Where(where)} ORDER BY {order} LIMIT {size}) a"
                    + Where(probes)
                : $"SELECT a.seq FROM ads a{Where([.. probes, .. where])}";
            var value = sortColumn is null ? "0" : sortColumn.Replace("a.", "r.", StringComparison.Ordinal);
            return $"SELECT r.start_ticks, r.ad_key, r.ad_json, {value} "
                + $"FROM ({inner} ORDER BY {order} LIMIT {limit}) m JOIN ads r ON r.seq = m.seq ORDER BY {outer}";
        }

        if (!sqlite && driver is { } pd)
        {
            // The planner would rather walk the archive order than read a list it expects to be long (seconds when matches are
            // rare): the list, probed, is materialized first, then its ads are read and sorted.
            return $"WITH d AS MATERIALIZED (SELECT a.seq FROM {pd.Table} a{Where([$"a.{pd.Column} = @driver", .. probes])}) "
                + $"SELECT a.start_ticks, a.ad_key, a.ad_json, 0 FROM d JOIN ads a ON a.seq = d.seq{Where(where)} "
                + $"ORDER BY {order} LIMIT {limit}";
        }

        var sql = new StringBuilder($"SELECT a.start_ticks, a.ad_key, a.ad_json, {sortColumn ?? "0"} FROM ");
        // CROSS JOIN keeps SQLite's loop order: the short driving list outside, each ad looked up by its key, the matches sorted.
        sql.Append(driver is { } dr ? $"{dr.Table} d CROSS JOIN ads a" : "ads a");
        where.InsertRange(driver is null ? 0 : 1, probes);
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY ").Append(sortColumn is null ? string.Empty : sortColumn + " DESC, ")
            .Append("a.start_ticks DESC, a.ad_key LIMIT ").Append(batch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return sql.ToString();
    }

    private static string Where(List<string> conditions) =>
        conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);

    /// <summary>
    /// What <see cref="DriverAsync"/> found: nothing can match, the list that drives (if one does), and the shortest list with
    /// its capped count.
    /// </summary>
    private readonly record struct DriverChoice(bool Empty, Posting? Driver, Posting? Shortest, long Length);

    /// <summary>A posting list: its table, key column and value.</summary>
    private readonly record struct Posting(string Table, string Column, string Value);
}
