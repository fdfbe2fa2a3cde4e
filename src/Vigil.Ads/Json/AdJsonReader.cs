using System.Text.Json;
using Vigil.Ads.Import;
using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Json;

/// <summary>
/// Reads one ad object in Meta's <c>ads_archive</c> shape — current list fields and the older singular ones
/// (<c>ad_creative_body</c>, <c>funding_entity</c>, <c>potential_reach</c>, <c>adlib_id</c>) — plus Vigil's extension fields.
/// Unknown properties are ignored; a value of the wrong shape is a problem naming the field.
/// </summary>
internal static class AdJsonReader
{
    public static Ad? Read(JsonElement o, string defaultPlatform, IReadOnlyList<string> defaultCountries, List<AdProblem> problems)
    {
        if (o.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("ad", $"expected a JSON object, found {o.ValueKind}"));
            return null;
        }

        var snapshot = Str(o, "ad_snapshot_url", problems);
        var id = Str(o, "id", problems) ?? Str(o, "adlib_id", problems) ?? Str(o, "ad_archive_id", problems) ?? IdFromSnapshot(snapshot);
        if (id is null)
        {
            problems.Add(new("id", "missing"));
            return null;
        }

        var countries = Strings(o, "ad_reached_countries", problems);
        var ad = new Ad
        {
            Id = id,
            Platform = Str(o, "platform", problems) ?? defaultPlatform,
            AdvertiserId = Str(o, "advertiser_id", problems),
            AdvertiserName = Str(o, "advertiser_name", problems),
            PageId = Str(o, "page_id", problems),
            PageName = Str(o, "page_name", problems),
            Byline = Str(o, "bylines", problems) ?? Str(o, "funding_entity", problems),
            CreativeBodies = Strings(o, "ad_creative_bodies", problems, "ad_creative_body"),
            LinkTitles = Strings(o, "ad_creative_link_titles", problems, "ad_creative_link_title"),
            LinkCaptions = Strings(o, "ad_creative_link_captions", problems, "ad_creative_link_caption"),
            LinkDescriptions = Strings(o, "ad_creative_link_descriptions", problems, "ad_creative_link_description"),
            LandingUrls = Strings(o, "landing_urls", problems),
            MediaHashes = Strings(o, "media_hashes", problems),
            MediaUrls = Strings(o, "media_urls", problems),
            Languages = Strings(o, "languages", problems),
            PublisherPlatforms = [.. Strings(o, "publisher_platforms", problems).Select(p => p.ToUpperInvariant())],
            ReachedCountries = countries.Count > 0 ? countries : defaultCountries,
            Topics = Strings(o, "topics", problems),
            CreatedAt = Date(o, "ad_creation_time", problems),
            DeliveryStart = Date(o, "ad_delivery_start_time", problems),
            DeliveryStop = Date(o, "ad_delivery_stop_time", problems),
            Spend = Range(o, "spend", problems),
            Currency = Str(o, "currency", problems),
            Impressions = Range(o, "impressions", problems),
            EstimatedAudienceSize = Range(o, "estimated_audience_size", problems) ?? Range(o, "potential_reach", problems),
            Demographics = Demographics(o, problems),
            Regions = Regions(o, problems),
            Targeting = Targeting(o, problems),
            SnapshotUrl = snapshot,
            Version = o.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) ? version : 1,
            Takedown = TakedownOf(o, problems),
        };
        if (o.TryGetProperty("beneficiary_payers", out var bp) && bp.ValueKind == JsonValueKind.Array && bp.GetArrayLength() > 0 && bp[0].ValueKind == JsonValueKind.Object)
        {
            ad = ad with { Payer = Str(bp[0], "payer", problems), Beneficiary = Str(bp[0], "beneficiary", problems) };
        }

        return ad;
    }

    /// <summary>Meta responses without an <c>id</c> field still carry it in <c>ad_snapshot_url</c> (<c>…render_ad/?id=123&amp;…</c>).</summary>
    private static string? IdFromSnapshot(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var at = url.IndexOf("?id=", StringComparison.Ordinal);
        at = at < 0 ? url.IndexOf("&id=", StringComparison.Ordinal) : at;
        if (at < 0)
        {
            return null;
        }

        var start = at + 4;
        var end = start;
        while (end < url.Length && char.IsAsciiDigit(url[end]))
        {
            end++;
        }

        return end > start ? url[start..end] : null;
    }

    private static string? Str(JsonElement o, string name, List<AdProblem> problems)
    {
        if (!o.TryGetProperty(name, out var e))
        {
            return null;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Values.Text(e.GetString());
            case JsonValueKind.Number:
                return e.GetRawText();
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Array when e.GetArrayLength() == 1 && e[0].ValueKind == JsonValueKind.String:
                return Values.Text(e[0].GetString());
            default:
                problems.Add(new(name, $"expected a string, found {e.ValueKind}"));
                return null;
        }
    }

    private static IReadOnlyList<string> Strings(JsonElement o, string name, List<AdProblem> problems, string? singular = null)
    {
        if (!o.TryGetProperty(name, out var e))
        {
            return singular is not null && Str(o, singular, problems) is { } one ? [one] : [];
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                return [];
            case JsonValueKind.String:
                return Values.Text(e.GetString()) is { } s ? [s] : [];
            case JsonValueKind.Array:
                var list = new List<string>(e.GetArrayLength());
                foreach (var item in e.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        problems.Add(new(name, $"expected strings in the list, found {item.ValueKind}"));
                        return [];
                    }

                    list.Add(item.GetString()!);
                }

                return list;
            default:
                problems.Add(new(name, $"expected a list of strings, found {e.ValueKind}"));
                return [];
        }
    }

    private static DateTimeOffset? Date(JsonElement o, string name, List<AdProblem> problems)
    {
        if (Str(o, name, problems) is not { } text)
        {
            return null;
        }

        if (Values.TryDate(text, out var date))
        {
            return date;
        }

        problems.Add(new(name, $"'{text}' is not a date"));
        return null;
    }

    private static Bounds? Range(JsonElement o, string name, List<AdProblem> problems)
    {
        if (!o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            return Whole(e, name, problems) is { } exact ? Bounds.Exact(exact) : null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(name, $"expected {{\"lower_bound\",\"upper_bound\"}}, found {e.ValueKind}"));
            return null;
        }

        long? lower = e.TryGetProperty("lower_bound", out var l) ? Whole(l, name + ".lower_bound", problems) : null;
        long? upper = e.TryGetProperty("upper_bound", out var u) ? Whole(u, name + ".upper_bound", problems) : null;
        if (lower is null && upper is null)
        {
            return null;
        }

        return new Bounds(lower ?? 0, upper);
    }

    private static long? Whole(JsonElement e, string name, List<AdProblem> problems)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n))
        {
            return n;
        }

        if (e.ValueKind == JsonValueKind.String && Values.TryWhole(e.GetString()!, out n))
        {
            return n;
        }

        if (e.ValueKind == JsonValueKind.Null || (e.ValueKind == JsonValueKind.String && Values.IsMissing(e.GetString())))
        {
            return null;
        }

        problems.Add(new(name, $"'{e.GetRawText()}' is not a whole number"));
        return null;
    }

    private static double? Share(JsonElement item, string name, List<AdProblem> problems)
    {
        if (!item.TryGetProperty("percentage", out var p))
        {
            problems.Add(new(name, "an entry has no percentage"));
            return null;
        }

        if (p.ValueKind == JsonValueKind.Number)
        {
            return p.GetDouble();
        }

        if (p.ValueKind == JsonValueKind.String && Values.TryShare(p.GetString()!, out var d))
        {
            return d;
        }

        problems.Add(new(name, $"percentage '{p.GetRawText()}' is not a number"));
        return null;
    }

    private static IReadOnlyList<DemographicShare> Demographics(JsonElement o, List<AdProblem> problems)
    {
        const string name = "demographic_distribution";
        if (!o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(name, $"expected a list of {{percentage, age, gender}}, found {e.ValueKind}"));
            return [];
        }

        var list = new List<DemographicShare>();
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Share(item, name, problems) is not { } share)
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(name, "expected objects in the list"));
                }

                return [];
            }

            list.Add(new DemographicShare(Str(item, "age", problems) ?? "unknown", Str(item, "gender", problems) ?? "unknown", share));
        }

        return list;
    }

    private static IReadOnlyList<RegionShare> Regions(JsonElement o, List<AdProblem> problems)
    {
        const string name = "delivery_by_region";
        if (!o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(name, $"expected a list of {{percentage, region}}, found {e.ValueKind}"));
            return [];
        }

        var list = new List<RegionShare>();
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Share(item, name, problems) is not { } share)
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(name, "expected objects in the list"));
                }

                return [];
            }

            if (Str(item, "region", problems) is not { } region)
            {
                problems.Add(new(name, "an entry has no region"));
                return [];
            }

            list.Add(new RegionShare(region, share));
        }

        return list;
    }

    private static IReadOnlyList<TargetingCriterion> Targeting(JsonElement o, List<AdProblem> problems)
    {
        if (!o.TryGetProperty("targeting", out var e) || e.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<TargetingCriterion>();
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && Str(item, "name", problems) is { } n && Str(item, "value", problems) is { } v)
            {
                var included = !item.TryGetProperty("included", out var inc) || inc.ValueKind != JsonValueKind.False;
                list.Add(new TargetingCriterion(n, v, included));
            }
            else
            {
                problems.Add(new("targeting", "each entry needs a name and a value"));
                return [];
            }
        }

        return list;
    }

    private static Takedown? TakedownOf(JsonElement o, List<AdProblem> problems)
    {
        if (!o.TryGetProperty("takedown", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var reason = Str(e, "reason", problems);
        var at = Date(e, "at", problems);
        if (reason is null || at is null)
        {
            problems.Add(new("takedown", "needs a reason and a date (at)"));
            return null;
        }

        return new Takedown(at.Value, reason, Str(e, "by", problems));
    }
}
