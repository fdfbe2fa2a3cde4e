using System.Globalization;
using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Search;

/// <summary>
/// Parses <c>ads_archive</c> query parameters exactly as Meta names them. List parameters take a JSON array (<c>["US","DE"]</c>,
/// also with single quotes as Meta's own <c>next</c> links write them) or a comma list (<c>US,DE</c>). Unknown parameters are
/// ignored (researcher scripts send <c>access_token</c>, <c>impression_condition</c>, …); a malformed one is an error naming it.
/// </summary>
public static class AdsArchiveQueryParser
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 5000;

    private static readonly HashSet<string> AdTypes = new(StringComparer.Ordinal)
    {
        "ALL", "POLITICAL_AND_ISSUE_ADS", "HOUSING_ADS", "EMPLOYMENT_ADS", "CREDIT_ADS", "FINANCIAL_PRODUCTS_AND_SERVICES_ADS",
    };

    /// <summary>Publisher platforms: Meta's own and the other member platforms.</summary>
    public static readonly IReadOnlySet<string> Platforms = new HashSet<string>(StringComparer.Ordinal)
    {
        "FACEBOOK", "INSTAGRAM", "AUDIENCE_NETWORK", "MESSENGER", "WHATSAPP", "OCULUS", "THREADS",
        "SNAPCHAT", "YOUTUBE", "GOOGLE", "TIKTOK", "X", "LINKEDIN", "PINTEREST", "REDDIT", "TELEGRAM", "MICROSOFT",
    };

    public static bool TryParse(IEnumerable<KeyValuePair<string, string?>> parameters, out AdsArchiveQuery query, out QueryParameterError? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        query = new AdsArchiveQuery();
        error = null;
        foreach (var (name, raw) in parameters)
        {
            var value = raw ?? string.Empty;
            error = Apply(ref query, name, value);
            if (error is not null)
            {
                return false;
            }
        }

        if (query.DeliveryDateMin is { } min && query.DeliveryDateMax is { } max && max < min)
        {
            error = new("ad_delivery_date_max", $"{max:yyyy-MM-dd} is before ad_delivery_date_min {min:yyyy-MM-dd}");
            return false;
        }

        if (query.After is { } after && AdCursor.TryDecode(after, out var cursor) && cursor.Sort != query.Sort)
        {
            error = new("after", $"a cursor of sort={AdSorts.NameOf(cursor.Sort)}, not of sort={AdSorts.NameOf(query.Sort)}");
            return false;
        }

        if (query.AudienceSizeMin is { } amin && query.AudienceSizeMax is { } amax && amax < amin)
        {
            error = new("estimated_audience_size_max", $"{amax} is below estimated_audience_size_min {amin}");
            return false;
        }

        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the parameter named.</summary>
    public static AdsArchiveQuery Parse(IEnumerable<KeyValuePair<string, string?>> parameters) =>
        TryParse(parameters, out var query, out var error) ? query : throw new FormatException(error!.ToString());

    private static QueryParameterError? Apply(ref AdsArchiveQuery q, string name, string value)
    {
        switch (name)
        {
            case "search_terms":
                if (value.Length > 1000)
                {
                    return new(name, "longer than 1000 characters");
                }

                q = q with { SearchTerms = value.Trim().Length == 0 ? null : value.Trim() };
                return null;
            case "search_type":
                switch (value)
                {
                    case "KEYWORD_UNORDERED":
                        q = q with { SearchType = SearchType.KeywordUnordered };
                        return null;
                    case "KEYWORD_EXACT_PHRASE":
                        q = q with { SearchType = SearchType.KeywordExactPhrase };
                        return null;
                    default:
                        return new(name, $"'{value}' is not KEYWORD_UNORDERED or KEYWORD_EXACT_PHRASE");
                }

            case "ad_type":
                if (!AdTypes.Contains(value))
                {
                    return new(name, $"'{value}' is not one of {string.Join(", ", AdTypes)}");
                }

                q = q with { AdType = value };
                return null;
            case "ad_active_status":
                switch (value)
                {
                    case "ALL":
                        q = q with { ActiveStatus = ActiveStatus.All };
                        return null;
                    case "ACTIVE":
                        q = q with { ActiveStatus = ActiveStatus.Active };
                        return null;
                    case "INACTIVE":
                        q = q with { ActiveStatus = ActiveStatus.Inactive };
                        return null;
                    default:
                        return new(name, $"'{value}' is not ACTIVE, INACTIVE or ALL");
                }

            case "ad_reached_countries":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = list[i].ToUpperInvariant();
                    if (list[i] != "ALL" && !IsoCountries.IsAlpha2(list[i]))
                    {
                        return new(name, $"'{list[i]}' is not an ISO 3166-1 alpha-2 country code");
                    }
                }

                q = q with { ReachedCountries = list.Contains("ALL") ? [] : list };
                return null;
            }

            case "ad_delivery_date_min":
            case "ad_delivery_date_max":
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return new(name, $"'{value}' is not a date in the form YYYY-MM-DD");
                }

                q = name.EndsWith("min", StringComparison.Ordinal) ? q with { DeliveryDateMin = date } : q with { DeliveryDateMax = date };
                return null;
            case "search_page_ids":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                if (list.Length > 10)
                {
                    return new(name, $"{list.Length} page ids; at most 10");
                }

                q = q with { PageIds = list };
                return null;
            }

            case "bylines":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                q = q with { Bylines = list };
                return null;
            }

            case "languages":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = list[i].ToLowerInvariant();
                    if (!IsoLanguages.IsCode(list[i]))
                    {
                        return new(name, $"'{list[i]}' is not an ISO 639-1 language code");
                    }
                }

                q = q with { Languages = list };
                return null;
            }

            case "publisher_platforms":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = list[i].ToUpperInvariant();
                    if (!Platforms.Contains(list[i]))
                    {
                        return new(name, $"'{list[i]}' is not a known platform ({string.Join(", ", Platforms)})");
                    }
                }

                q = q with { PublisherPlatforms = list };
                return null;
            }

            case "delivery_by_region":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                q = q with { Regions = list };
                return null;
            }

            case "estimated_audience_size_min":
            case "estimated_audience_size_max":
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    return new(name, $"'{value}' is not a non-negative whole number");
                }

                q = name.EndsWith("min", StringComparison.Ordinal) ? q with { AudienceSizeMin = size } : q with { AudienceSizeMax = size };
                return null;
            case "fields":
            {
                if (List(name, value, out var list) is { } e)
                {
                    return e;
                }

                var fields = AdField.None;
                foreach (var f in list)
                {
                    if (!AdFields.TryParse(f, out var field))
                    {
                        return new(name, $"'{f}' is not a field of ads_archive");
                    }

                    fields |= field;
                }

                q = q with { Fields = fields == AdField.None ? AdField.Id : fields };
                return null;
            }

            case "limit":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
                {
                    return new(name, $"'{value}' is not a whole number from 1 to {MaxLimit}");
                }

                q = q with { Limit = limit };
                return null;
            case "sort":
                if (!AdSorts.ByName.TryGetValue(value, out var sort))
                {
                    return new(name, $"'{value}' is not one of {string.Join(", ", AdSorts.ByName.Keys)}");
                }

                q = q with { Sort = sort };
                return null;
            case "after":
                if (!AdCursor.TryDecode(value, out _))
                {
                    return new(name, "not a cursor this archive issued");
                }

                q = q with { After = value };
                return null;
            default:
                return null;
        }
    }

    private static QueryParameterError? List(string name, string value, out string[] list)
    {
        var text = value.Trim();
        list = [];
        if (text.StartsWith('['))
        {
            try
            {
                // Meta's own next links write Python-style lists: ['US'].
                var json = text.Contains('"', StringComparison.Ordinal) ? text : text.Replace('\'', '"');
                using var doc = JsonDocument.Parse(json);
                var items = new List<string>();
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    if (e.ValueKind is JsonValueKind.String)
                    {
                        items.Add(e.GetString()!.Trim());
                    }
                    else if (e.ValueKind is JsonValueKind.Number)
                    {
                        items.Add(e.GetRawText());
                    }
                    else
                    {
                        return new(name, $"list items must be strings, found {e.ValueKind}");
                    }
                }

                list = [.. items.Where(i => i.Length > 0)];
            }
            catch (JsonException)
            {
                return new(name, $"'{value}' is neither a JSON array nor a comma-separated list");
            }
        }
        else
        {
            list = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        return list.Length == 0 ? new(name, "empty list") : list.Length > 1000 ? new(name, "more than 1000 values") : null;
    }
}
