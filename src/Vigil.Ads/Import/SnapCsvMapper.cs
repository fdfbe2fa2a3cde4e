using System.Globalization;
using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Import;

/// <summary>
/// Maps a row of Snap's Political Ads Library CSV. Spend and impressions are exact (equal bounds); <c>CountryCode</c> is a
/// lower-case English name mapped to alpha-2; <c>PayingAdvertiserName</c> is the "paid for by" disclaimer and the payer; the
/// targeting columns become targeting criteria (included/excluded); <c>web_view_url</c> in <c>CreativeProperties</c> is the
/// landing URL. Snap's <c>Language</c> column is a targeting choice, so it is kept as targeting, not as the ad's language.
/// </summary>
internal sealed class SnapCsvMapper
{
    private static readonly string[] TargetingColumns =
    [
        "Gender", "AgeBracket", "Regions (Included)", "Regions (Excluded)", "Electoral Districts (Included)", "Electoral Districts (Excluded)",
        "Radius Targeting (Included)", "Radius Targeting (Excluded)", "Metros (Included)", "Metros (Excluded)",
        "Postal Codes (Included)", "Postal Codes (Excluded)", "Location Categories (Included)", "Location Categories (Excluded)",
        "Interests", "OsType", "Segments", "Language", "AdvancedDemographics", "Targeting Connection Type", "Targeting Carrier (ISP)",
    ];

    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly AdImportOptions _options;
    private readonly (int Column, string Name, bool Included)[] _targeting;

    public SnapCsvMapper(IReadOnlyList<string> header, AdImportOptions options)
    {
        _options = options;
        for (var i = 0; i < header.Count; i++)
        {
            _index.TryAdd(header[i].Trim(), i);
        }

        _targeting = [.. TargetingColumns.Where(_index.ContainsKey).Select(c => (_index[c], Strip(c), !c.EndsWith("(Excluded)", StringComparison.Ordinal)))];
    }

    public static bool Looks(IReadOnlyList<string> header) =>
        header.Contains("ADID") && (header.Contains("PayingAdvertiserName") || header.Contains("Currency Code"));

    public Ad? Map(List<string> row, List<AdProblem> problems)
    {
        string? Cell(string name) => _index.TryGetValue(name, out var at) && at < row.Count ? Values.Text(row[at]) : null;

        if (Cell("ADID") is not { } id)
        {
            problems.Add(new("ADID", "missing"));
            return null;
        }

        var countries = new List<string>();
        if (Cell("CountryCode") is { } countryText)
        {
            foreach (var name in countryText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsoCountries.TryFromEnglishName(name, out var code) || (name.Length == 2 && IsoCountries.IsAlpha2(code = name.ToUpperInvariant())))
                {
                    countries.Add(code);
                }
                else
                {
                    problems.Add(new("CountryCode", $"'{name}' is not a country name we know"));
                }
            }
        }

        var targeting = new List<TargetingCriterion>();
        foreach (var (column, name, included) in _targeting)
        {
            if (column < row.Count && Values.Text(row[column]) is { } value)
            {
                targeting.Add(new TargetingCriterion(name, value, included));
            }
        }

        var payer = Cell("PayingAdvertiserName");
        var candidate = Cell("CandidateBallotInformation");
        return new Ad
        {
            Id = id,
            Platform = _options.Platform ?? "snapchat",
            AdvertiserName = Cell("OrganizationName"),
            Byline = payer,
            Payer = payer,
            Beneficiary = Cell("DisclosureNameOfCommittee") ?? Cell("CommitteeName"),
            MediaUrls = Cell("CreativeUrl") is { } media ? [media] : [],
            LandingUrls = WebViewUrl(Cell("CreativeProperties")) is { } url ? [url] : [],
            Currency = Cell("Currency Code"),
            Spend = Exact(Cell("Spend"), "Spend", problems),
            Impressions = Exact(Cell("Impressions"), "Impressions", problems),
            DeliveryStart = Date(Cell("StartDate"), "StartDate", problems),
            DeliveryStop = Date(Cell("EndDate"), "EndDate", problems),
            PublisherPlatforms = ["SNAPCHAT"],
            ReachedCountries = countries.Count > 0 ? countries : _options.ReachedCountries,
            Targeting = targeting,
            Topics = candidate is null ? [] : [candidate],
        };
    }

    private static string Strip(string column) =>
        column.Replace(" (Included)", string.Empty, StringComparison.Ordinal).Replace(" (Excluded)", string.Empty, StringComparison.Ordinal);

    private static string? WebViewUrl(string? properties)
    {
        const string key = "web_view_url:";
        if (properties is null)
        {
            return null;
        }

        var at = properties.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var url = properties[(at + key.Length)..];
        var end = url.IndexOfAny([' ', '\t', '\n', '\r']);
        return end < 0 ? url : url[..end];
    }

    private static Bounds? Exact(string? text, string field, List<AdProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Values.TryWhole(text, out var n))
        {
            return Bounds.Exact(n);
        }

        problems.Add(new(field, $"'{text}' is not a whole number"));
        return null;
    }

    private static DateTimeOffset? Date(string? text, string field, List<AdProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy/MM/dd HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || Values.TryDate(text, out date))
        {
            return date;
        }

        problems.Add(new(field, $"'{text}' is not a date"));
        return null;
    }
}
