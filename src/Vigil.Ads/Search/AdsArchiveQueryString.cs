using System.Globalization;
using System.Text;
using Vigil.Ads.Json;

namespace Vigil.Ads.Search;

/// <summary>Writes a query back as <c>ads_archive</c> parameters (lists as JSON arrays), e.g. for <c>paging.next</c>.</summary>
public static class AdsArchiveQueryString
{
    public static string Format(AdsArchiveQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add(name + "=" + Uri.EscapeDataString(value));
        void AddList(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                Add(name, "[" + string.Join(",", values.Select(v => System.Text.Json.JsonSerializer.Serialize(v, AdsJsonContext.Default.String))) + "]");
            }
        }

        if (query.Fields != AdField.Id)
        {
            var names = new StringBuilder();
            foreach (var name in AdFields.AllNames)
            {
                if (AdFields.TryParse(name, out var f) && (query.Fields & f) != 0)
                {
                    names.Append(names.Length > 0 ? "," : string.Empty).Append(name);
                }
            }

            Add("fields", names.ToString());
        }

        if (query.SearchTerms is { } terms)
        {
            Add("search_terms", terms);
        }

        if (query.SearchType == SearchType.KeywordExactPhrase)
        {
            Add("search_type", "KEYWORD_EXACT_PHRASE");
        }

        Add("ad_type", query.AdType);
        AddList("ad_reached_countries", query.ReachedCountries);
        Add("ad_active_status", query.ActiveStatus.ToString().ToUpperInvariant());
        if (query.DeliveryDateMin is { } min)
        {
            Add("ad_delivery_date_min", min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (query.DeliveryDateMax is { } max)
        {
            Add("ad_delivery_date_max", max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        AddList("search_page_ids", query.PageIds);
        AddList("bylines", query.Bylines);
        AddList("languages", query.Languages);
        AddList("publisher_platforms", query.PublisherPlatforms);
        AddList("delivery_by_region", query.Regions);
        if (query.AudienceSizeMin is { } amin)
        {
            Add("estimated_audience_size_min", amin.ToString(CultureInfo.InvariantCulture));
        }

        if (query.AudienceSizeMax is { } amax)
        {
            Add("estimated_audience_size_max", amax.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Sort != AdSort.Newest)
        {
            Add("sort", AdSorts.NameOf(query.Sort));
        }

        Add("limit", query.Limit.ToString(CultureInfo.InvariantCulture));
        if (query.After is { } after)
        {
            Add("after", after);
        }

        return string.Join("&", parts);
    }
}
