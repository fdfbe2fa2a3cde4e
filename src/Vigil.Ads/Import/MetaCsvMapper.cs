using System.Text.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Import;

/// <summary>Maps one row of a flattened Meta Ad Library CSV to an ad.</summary>
internal sealed class MetaCsvMapper(MetaCsvColumns columns, AdImportOptions options)
{
    public Ad? Map(List<string> row, List<AdProblem> problems)
    {
        string? Cell(int at) => at >= 0 && at < row.Count ? Values.Text(row[at]) : null;

        if (Cell(columns.Id) is not { } id)
        {
            problems.Add(new("id", "missing"));
            return null;
        }

        var countries = Values.List(Cell(columns.Countries));
        return new Ad
        {
            Id = id,
            Platform = options.Platform ?? Cell(columns.Platform) ?? "meta",
            AdvertiserName = Cell(columns.AdvertiserName),
            LandingUrls = Values.List(Cell(columns.LandingUrls)),
            Topics = Values.List(Cell(columns.Topics)),
            PageId = Cell(columns.PageId),
            PageName = Cell(columns.PageName),
            Byline = Cell(columns.Bylines),
            CreativeBodies = One(Cell(columns.Bodies)),
            LinkCaptions = One(Cell(columns.Captions)),
            LinkDescriptions = One(Cell(columns.Descriptions)),
            LinkTitles = One(Cell(columns.Titles)),
            CreatedAt = Date(Cell(columns.CreationTime), "ad_creation_time", problems),
            DeliveryStart = Date(Cell(columns.Start), "ad_delivery_start_time", problems),
            DeliveryStop = Date(Cell(columns.Stop), "ad_delivery_stop_time", problems),
            SnapshotUrl = Cell(columns.Snapshot),
            Currency = Cell(columns.Currency),
            Languages = Values.List(Cell(columns.Languages)),
            PublisherPlatforms = [.. Values.List(Cell(columns.Platforms)).Select(p => p.ToUpperInvariant())],
            ReachedCountries = countries.Length > 0 ? countries : options.ReachedCountries,
            Spend = Range(Cell(columns.SpendLower), Cell(columns.SpendUpper), "spend", problems),
            Impressions = Range(Cell(columns.ImpressionsLower), Cell(columns.ImpressionsUpper), "impressions", problems),
            EstimatedAudienceSize = Range(Cell(columns.AudienceLower), Cell(columns.AudienceUpper), "estimated_audience_size", problems),
            Demographics = Demographics(row, Cell(columns.DemographicJson), problems),
            Regions = Regions(row, Cell(columns.RegionJson), problems),
        };
    }

    /// <summary>Radlibrary joins a list into one string; one text in, one creative out.</summary>
    private static IReadOnlyList<string> One(string? text)
    {
        if (text is null)
        {
            return [];
        }

        // Several texts are exported as a JSON array of strings; anything else is one text.
        if (text.Length > 1 && text[0] == '[' && text[^1] == ']')
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                {
                    return [.. doc.RootElement.EnumerateArray().Select(e => e.GetString()!)];
                }
            }
            catch (JsonException)
            {
                // Not JSON: an ad text that happens to be bracketed.
            }
        }

        return [text];
    }

    private static DateTimeOffset? Date(string? text, string field, List<AdProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Values.TryDate(text, out var date))
        {
            return date;
        }

        problems.Add(new(field, $"'{text}' is not a date"));
        return null;
    }

    private static Bounds? Range(string? lower, string? upper, string field, List<AdProblem> problems)
    {
        long? l = null;
        long? u = null;
        if (lower is not null)
        {
            if (Values.TryWhole(lower, out var v))
            {
                l = v;
            }
            else
            {
                problems.Add(new(field, $"lower bound '{lower}' is not a whole number"));
            }
        }

        if (upper is not null)
        {
            if (Values.TryWhole(upper, out var v))
            {
                u = v;
            }
            else
            {
                problems.Add(new(field, $"upper bound '{upper}' is not a whole number"));
            }
        }

        return l is null && u is null ? null : new Bounds(l ?? 0, u);
    }

    private List<DemographicShare> Demographics(List<string> row, string? json, List<AdProblem> problems)
    {
        var list = new List<DemographicShare>();
        if (json is not null)
        {
            return FromJson(json, "demographic_distribution", problems, e => new DemographicShare(
                e.TryGetProperty("age", out var a) ? a.GetString() ?? "unknown" : "unknown",
                e.TryGetProperty("gender", out var g) ? g.GetString() ?? "unknown" : "unknown", Pct(e)), list);
        }

        foreach (var (column, gender, age) in columns.DemographicColumns)
        {
            if (column < row.Count && Values.Text(row[column]) is { } cell)
            {
                if (Values.TryShare(cell, out var share))
                {
                    list.Add(new DemographicShare(age, gender, share));
                }
                else
                {
                    problems.Add(new("demographic_distribution", $"{gender}_{age}: '{cell}' is not a number"));
                }
            }
        }

        return list;
    }

    private List<RegionShare> Regions(List<string> row, string? json, List<AdProblem> problems)
    {
        var list = new List<RegionShare>();
        if (json is not null)
        {
            return FromJson(json, "delivery_by_region", problems, e => new RegionShare(
                e.TryGetProperty("region", out var r) ? r.GetString() ?? "unknown" : "unknown", Pct(e)), list);
        }

        foreach (var (column, region) in columns.RegionColumns)
        {
            if (column < row.Count && Values.Text(row[column]) is { } cell)
            {
                if (Values.TryShare(cell, out var share))
                {
                    list.Add(new RegionShare(region, share));
                }
                else
                {
                    problems.Add(new("delivery_by_region", $"{region}: '{cell}' is not a number"));
                }
            }
        }

        return list;
    }

    private static double Pct(JsonElement e) =>
        e.TryGetProperty("percentage", out var p)
            ? p.ValueKind == JsonValueKind.Number ? p.GetDouble() : Values.TryShare(p.GetString() ?? string.Empty, out var d) ? d : double.NaN
            : double.NaN;

    private static List<T> FromJson<T>(string json, string field, List<AdProblem> problems, Func<JsonElement, T> map, List<T> list)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new(field, "expected a JSON list"));
                return list;
            }

            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(field, "expected objects in the JSON list"));
                    return list;
                }

                list.Add(map(e));
            }
        }
        catch (JsonException ex)
        {
            problems.Add(new(field, "not valid JSON: " + ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(new(field, "unexpected JSON value: " + ex.Message));
        }

        return list;
    }
}
