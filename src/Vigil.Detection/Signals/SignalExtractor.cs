using Vigil.Detection.Activities;

namespace Vigil.Detection.Signals;

/// <summary>
/// Builds each enabled signal's occurrences: which item every activity acts on. Content signals
/// (link, domain, text, hashtag sequence, media) use posts, replies and quotes only, since a reshare
/// repeats its original's content and is already covered by co-reshare.
/// </summary>
internal static class SignalExtractor
{
    private const long MaxTimeBins = 50_000_000;

    public static Occurrences? Extract(ActivityTable table, SignalKind kind, DetectionOptions options) => kind switch
    {
        SignalKind.CoLink => ListItems(table, kind, table.Urls, null),
        SignalKind.CoDomain => Domains(table),
        SignalKind.CoReshare => References(table, kind, ActivityKind.Reshare),
        SignalKind.CoReply => References(table, kind, ActivityKind.Reply),
        SignalKind.CoText => Texts(table, options),
        SignalKind.CoHashtagSequence => HashtagSequences(table),
        SignalKind.CoMedia => ListItems(table, kind, table.Media, MediaGrouping.Group(table.Media.Pool, options.MediaHammingDistance)),
        SignalKind.SynchronizedActivity => TimeBins(table, options.SynchronizedActivity.WindowSeconds, options.SyncMinActivities),
        _ => null,
    };

    private static Occurrences ListItems(ActivityTable table, SignalKind kind, MultiValueColumn column, int[]? groupOf)
    {
        var builder = new OccurrenceBuilder(column.Pool.Count, column.Values.Length);
        for (var r = 0; r < table.Count; r++)
        {
            if (table.Kind[r] == ActivityKind.Reshare)
            {
                continue;
            }

            var values = column.Row(r);
            for (var i = 0; i < values.Length; i++)
            {
                var item = groupOf is null ? values[i] : groupOf[values[i]];
                if (!Contains(values[..i], item, groupOf))
                {
                    builder.Add(r, item);
                }
            }
        }

        var pool = column.Pool;
        return builder.Build(table, kind, k => pool[k]);
    }

    private static bool Contains(ReadOnlySpan<int> earlier, int item, int[]? groupOf)
    {
        foreach (var value in earlier)
        {
            if ((groupOf is null ? value : groupOf[value]) == item)
            {
                return true;
            }
        }

        return false;
    }

    private static Occurrences Domains(ActivityTable table)
    {
        var urls = table.Urls.Pool;
        var domains = new StringPool();
        var domainOf = new int[urls.Count];
        for (var u = 0; u < urls.Count; u++)
        {
            domainOf[u] = domains.Intern(Activities.UrlNormalizer.Domain(urls[u]));
        }

        var builder = new OccurrenceBuilder(domains.Count, table.Urls.Values.Length);
        for (var r = 0; r < table.Count; r++)
        {
            if (table.Kind[r] == ActivityKind.Reshare)
            {
                continue;
            }

            var values = table.Urls.Row(r);
            for (var i = 0; i < values.Length; i++)
            {
                if (!Contains(values[..i], domainOf[values[i]], domainOf))
                {
                    builder.Add(r, domainOf[values[i]]);
                }
            }
        }

        return builder.Build(table, SignalKind.CoDomain, k => domains[k]);
    }

    private static Occurrences References(ActivityTable table, SignalKind kind, ActivityKind activityKind)
    {
        var builder = new OccurrenceBuilder(table.References.Count, table.Count / 2);
        for (var r = 0; r < table.Count; r++)
        {
            if (table.Kind[r] == activityKind && table.Reference[r] >= 0)
            {
                builder.Add(r, table.Reference[r]);
            }
        }

        var references = table.References;
        return builder.Build(table, kind, k => references[k]);
    }

    private static Occurrences Texts(ActivityTable table, DetectionOptions options)
    {
        var families = TextFamilies.Build(table, options.TextSimilarity, options.MinTextWords);
        var builder = new OccurrenceBuilder(families.FamilyCount, table.Count / 2);
        for (var r = 0; r < table.Count; r++)
        {
            if (families.FamilyOfRow[r] >= 0)
            {
                builder.Add(r, families.FamilyOfRow[r]);
            }
        }

        return builder.Build(table, SignalKind.CoText, families.Sample);
    }

    private static Occurrences HashtagSequences(ActivityTable table)
    {
        var sequences = new StringPool();
        var rows = new List<(int Row, int Item)>();
        var tags = table.Hashtags;
        var seen = new List<int>(8);
        var key = new System.Text.StringBuilder(64);
        var buffer = new char[64];
        for (var r = 0; r < table.Count; r++)
        {
            var row = tags.Row(r);
            if (row.Length < 2 || table.Kind[r] == ActivityKind.Reshare)
            {
                continue;
            }

            seen.Clear();
            foreach (var tag in row)
            {
                if (!seen.Contains(tag))
                {
                    seen.Add(tag);
                }
            }

            if (seen.Count < 2)
            {
                continue;
            }

            // The key is "#a #b ...", built in a reused buffer.
            key.Clear();
            foreach (var tag in seen)
            {
                if (key.Length > 0)
                {
                    key.Append(' ');
                }

                key.Append('#').Append(tags.Pool[tag]);
            }

            var length = key.Length;
            if (buffer.Length < length)
            {
                buffer = new char[length * 2];
            }

            key.CopyTo(0, buffer, 0, length);
            rows.Add((r, sequences.Intern(buffer.AsSpan(0, length))));
        }

        var builder = new OccurrenceBuilder(sequences.Count, rows.Count);
        foreach (var (row, item) in rows)
        {
            builder.Add(row, item);
        }

        return builder.Build(table, SignalKind.CoHashtagSequence, k => sequences[k]);
    }

    private static Occurrences? TimeBins(ActivityTable table, int binSeconds, int minActivities)
    {
        if (table.Count == 0)
        {
            return null;
        }

        var perAccount = new int[table.Accounts.Count];
        var first = long.MaxValue;
        var last = long.MinValue;
        for (var r = 0; r < table.Count; r++)
        {
            perAccount[table.Account[r]]++;
            first = Math.Min(first, table.Time[r]);
            last = Math.Max(last, table.Time[r]);
        }

        var bin = Math.Max(1, binSeconds);
        var span = ((last - first) / bin) + 1;
        if (span > MaxTimeBins)
        {
            return null; // times spread over centuries: not activity data this signal can bin
        }

        var bins = (int)span;
        var builder = new OccurrenceBuilder(bins, table.Count);
        for (var r = 0; r < table.Count; r++)
        {
            if (perAccount[table.Account[r]] >= minActivities)
            {
                builder.Add(r, (int)((table.Time[r] - first) / bin));
            }
        }

        return builder.Build(
            table,
            SignalKind.SynchronizedActivity,
            k => DateTimeOffset.FromUnixTimeSeconds(first + ((long)k * bin)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
