using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Vigil.Ads.Search;
using Vigil.Server.Ads;

namespace Vigil.Server.Web.Ads;

/// <summary>
/// The library page's query: the <c>ads_archive</c> parameters under their own names, so a page address, its export links and
/// an API call are the same query. Empty form fields are dropped; a single disclaimer (which may hold commas) is sent as a
/// one-item JSON array; the page shows every ad (<c>ad_active_status=ALL</c>) unless told otherwise.
/// </summary>
public sealed class AdLibraryRequest
{
    public const int PageSize = 25;

    /// <summary>The parameters the page passes on, in the order its links write them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "search_terms", "search_type", "ad_reached_countries", "ad_active_status", "ad_delivery_date_min", "ad_delivery_date_max",
        "publisher_platforms", "languages", "delivery_by_region", "bylines", "search_page_ids", "estimated_audience_size_min",
        "estimated_audience_size_max", "sort",
    ];

    private readonly Dictionary<string, string> _values;

    private AdLibraryRequest(Dictionary<string, string> values, AdsArchiveQuery? query, QueryParameterError? error)
    {
        _values = values;
        Query = query;
        Error = error;
    }

    /// <summary>The parsed query, or null when <see cref="Error"/> names a wrong parameter.</summary>
    public AdsArchiveQuery? Query { get; }

    public QueryParameterError? Error { get; }

    /// <summary>Errors by parameter, for the field-error component.</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Error is { } e ? new Dictionary<string, string[]> { [e.Parameter] = [e.Message] } : new Dictionary<string, string[]>();

    public static AdLibraryRequest From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var value = query[name].ToString().Trim();
            if (value.Length > 0)
            {
                values[name] = value;
            }
        }

        values.TryAdd("ad_active_status", "ALL");
        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in values)
        {
            parameters.Add(new(name, Normalized(name, value)));
        }

        parameters.Add(new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var after = query["after"].ToString();
        if (after.Length > 0)
        {
            parameters.Add(new("after", after));
        }

        return AdsArchiveQueryParser.TryParse(parameters, out var parsed, out var error)
            ? new AdLibraryRequest(values, parsed, null)
            : new AdLibraryRequest(values, null, error);
    }

    /// <summary>The value of a parameter as the visitor gave it, or empty.</summary>
    public string Value(string name) => _values.GetValueOrDefault(name, string.Empty);

    /// <summary>This search's page, starting after <paramref name="after"/> (the first page when null).</summary>
    public string PageLink(string? after) =>
        AdLinks.Library + "?" + Parameters() + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after));

    /// <summary>Every match of this search as a file: <c>csv</c> or <c>jsonl</c>.</summary>
    public string ExportLink(string format) => AdsApi.Prefix + "/export?format=" + format + "&" + Parameters();

    /// <summary>This search's first page as the API answers it.</summary>
    public string ApiLink() => AdsApi.Prefix + "?fields=" + string.Join(",", ApiFields) + "&" + Parameters();

    private static readonly string[] ApiFields =
        ["id", "page_id", "page_name", "bylines", "ad_creative_bodies", "ad_delivery_start_time", "ad_delivery_stop_time", "spend", "currency", "impressions"];

    private string Parameters() =>
        string.Join("&", Names.Where(_values.ContainsKey).Select(n => n + "=" + Uri.EscapeDataString(Normalized(n, _values[n]))));

    private static string Normalized(string name, string value) =>
        name == "bylines" && !value.StartsWith('[') ? JsonSerializer.Serialize(new[] { value }) : value;
}
