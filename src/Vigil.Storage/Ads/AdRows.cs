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

    /// <summary>
    /// True when the phrase's tokens appear consecutively within one of a stored ad's texts (creative bodies, link titles,
    /// captions, descriptions). Reads only those four lists from the JSON: most candidates of a phrase search fail the check, and
    /// decoding the whole ad for each costs several times more.
    /// </summary>
    public static bool HasPhrase(byte[] json, List<string> phrase)
    {
        var texts = new List<string>();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var wanted = reader.ValueTextEquals("ad_creative_bodies"u8) || reader.ValueTextEquals("ad_creative_link_titles"u8)
                || reader.ValueTextEquals("ad_creative_link_captions"u8) || reader.ValueTextEquals("ad_creative_link_descriptions"u8);
            reader.Read();
            if (wanted && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        texts.Add(reader.GetString()!);
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return HasPhrase(texts, phrase);
    }

    private static bool HasPhrase(IEnumerable<string> texts, List<string> phrase)
    {
        foreach (var text in texts)
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

    /// <summary>Sets a bigint[] parameter (PostgreSQL).</summary>
    public static void SetArray(DbCommand command, string name, long[] values) => SetArray(command, name, NpgsqlDbType.Bigint, values);

    /// <summary>Sets an array parameter of the given element type (PostgreSQL); nullable elements become SQL nulls.</summary>
    public static void SetArray(DbCommand command, string name, NpgsqlDbType elementType, Array values)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = values;
            return;
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType) { Value = values });
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
