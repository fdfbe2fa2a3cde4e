using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigil.Ads.Model;
using Vigil.Ads.Search;

namespace Vigil.Storage.Ads;

/// <summary>What the archive tables derive from an ad: facet values, full-text tokens, sort ticks; and list parameters.</summary>
internal static class AdRows
{
    public static long StartTicks(Ad ad) => ad.DeliveryStart?.UtcTicks ?? AdCursor.NoStart;

    public static string KeyOf(Ad ad) => InMemoryAdArchive.KeyOf(ad);

    public static string[] Facets(Ad ad)
    {
        var facets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in ad.ReachedCountries)
        {
            facets.Add("c:" + c);
        }

        foreach (var l in ad.Languages)
        {
            facets.Add("l:" + l);
        }

        foreach (var p in ad.PublisherPlatforms)
        {
            facets.Add("p:" + p.ToUpperInvariant());
        }

        foreach (var r in ad.Regions)
        {
            if (r.Share > 0)
            {
                facets.Add("r:" + r.Region.ToUpperInvariant());
            }
        }

        return [.. facets];
    }

    public static string[] Tokens(Ad ad)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Texts(ad))
        {
            AdTokenizer.Tokenize(text.AsSpan(), ref tokens, static (token, ref set) => set.Add(token.ToString()));
        }

        return [.. tokens];
    }

    public static IEnumerable<string> Texts(Ad ad) =>
        ad.CreativeBodies.Concat(ad.LinkTitles).Concat(ad.LinkCaptions).Concat(ad.LinkDescriptions);

    /// <summary>True when the phrase's tokens appear consecutively within one of the ad's texts.</summary>
    public static bool HasPhrase(Ad ad, List<string> phrase)
    {
        foreach (var text in Texts(ad))
        {
            var tokens = AdTokenizer.Tokens(text);
            for (var i = 0; i + phrase.Count <= tokens.Count; i++)
            {
                var match = true;
                for (var j = 0; j < phrase.Count && match; j++)
                {
                    match = tokens[i + j] == phrase[j];
                }

                if (match)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Sets a list parameter: a JSON array on SQLite (read with json_each), a text[] on PostgreSQL.</summary>
    public static void SetList(DbCommand command, bool sqlite, string name, IReadOnlyCollection<string> values)
    {
        if (sqlite)
        {
            Set(command, name, JsonSerializer.Serialize(values));
            return;
        }

        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = values.ToArray();
            return;
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });
    }

    /// <summary>A row source over a list parameter set by <see cref="SetList"/>.</summary>
    public static string ListRows(bool sqlite, string name) =>
        sqlite ? $"SELECT value FROM json_each({name})" : $"SELECT unnest({name}) AS value";

    public static void Set(DbCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
