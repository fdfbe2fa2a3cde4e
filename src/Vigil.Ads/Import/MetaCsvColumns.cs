namespace Vigil.Ads.Import;

/// <summary>
/// Column roles of a flattened Meta Ad Library CSV, resolved once from the header. Current and older field names map to the same
/// role. A <c>gender_age</c> column (<c>female_25-34</c>) is a demographic share; a column that is not a known field and not
/// snake_case (it has a capital, a space or a non-ASCII letter: <c>Prague</c>, <c>Central Bohemian Region</c>) is a region share;
/// other unknown snake_case columns are ignored.
/// </summary>
internal sealed class MetaCsvColumns
{
    private static readonly string[] Genders = ["female", "male", "unknown"];

    public int Count { get; private init; }
    public int Id { get; private init; } = -1;
    public int CreationTime { get; private init; } = -1;
    public int Bodies { get; private init; } = -1;
    public int Captions { get; private init; } = -1;
    public int Descriptions { get; private init; } = -1;
    public int Titles { get; private init; } = -1;
    public int Start { get; private init; } = -1;
    public int Stop { get; private init; } = -1;
    public int Snapshot { get; private init; } = -1;
    public int Bylines { get; private init; } = -1;
    public int Currency { get; private init; } = -1;
    public int Languages { get; private init; } = -1;
    public int PageId { get; private init; } = -1;
    public int PageName { get; private init; } = -1;
    public int Platforms { get; private init; } = -1;
    public int AudienceLower { get; private init; } = -1;
    public int AudienceUpper { get; private init; } = -1;
    public int ImpressionsLower { get; private init; } = -1;
    public int ImpressionsUpper { get; private init; } = -1;
    public int SpendLower { get; private init; } = -1;
    public int SpendUpper { get; private init; } = -1;
    public int Countries { get; private init; } = -1;
    public int RegionJson { get; private init; } = -1;
    public int Platform { get; private init; } = -1;
    public int AdvertiserName { get; private init; } = -1;
    public int LandingUrls { get; private init; } = -1;
    public int Topics { get; private init; } = -1;
    public int DemographicJson { get; private init; } = -1;
    public (int Column, string Gender, string Age)[] DemographicColumns { get; private init; } = [];
    public (int Column, string Region)[] RegionColumns { get; private init; } = [];

    public static bool Looks(IReadOnlyList<string> header) =>
        header.Any(h => h is "id" or "adlib_id" or "ad_archive_id")
        && header.Any(h => h is "page_id" or "page_name" or "bylines" or "funding_entity" or "spend_lower" or "ad_creative_bodies" or "ad_creative_body");

    public static MetaCsvColumns From(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        int Find(params string[] names)
        {
            foreach (var n in names)
            {
                if (index.TryGetValue(n, out var at))
                {
                    return at;
                }
            }

            return -1;
        }

        var columns = new MetaCsvColumns
        {
            Count = header.Count,
            Id = Find("id", "adlib_id", "ad_archive_id"),
            CreationTime = Find("ad_creation_time"),
            Bodies = Find("ad_creative_bodies", "ad_creative_body"),
            Captions = Find("ad_creative_link_captions", "ad_creative_link_caption"),
            Descriptions = Find("ad_creative_link_descriptions", "ad_creative_link_description"),
            Titles = Find("ad_creative_link_titles", "ad_creative_link_title"),
            Start = Find("ad_delivery_start_time"),
            Stop = Find("ad_delivery_stop_time"),
            Snapshot = Find("ad_snapshot_url"),
            Bylines = Find("bylines", "funding_entity"),
            Currency = Find("currency"),
            Languages = Find("languages"),
            PageId = Find("page_id"),
            PageName = Find("page_name"),
            Platforms = Find("publisher_platforms"),
            AudienceLower = Find("estimated_audience_size_lower", "estimated_audience_size_lower_bound", "potential_reach_lower", "potential_reach_lower_bound"),
            AudienceUpper = Find("estimated_audience_size_upper", "estimated_audience_size_upper_bound", "potential_reach_upper", "potential_reach_upper_bound"),
            ImpressionsLower = Find("impressions_lower", "impressions_lower_bound"),
            ImpressionsUpper = Find("impressions_upper", "impressions_upper_bound"),
            SpendLower = Find("spend_lower", "spend_lower_bound"),
            SpendUpper = Find("spend_upper", "spend_upper_bound"),
            Countries = Find("ad_reached_countries", "reached_countries"),
            Platform = Find("platform"),
            AdvertiserName = Find("advertiser_name"),
            LandingUrls = Find("landing_urls"),
            Topics = Find("topics"),
            RegionJson = Find("delivery_by_region", "region_distribution"),
            DemographicJson = Find("demographic_distribution"),
            DemographicColumns = [.. Demographic(header)],
            RegionColumns = [.. Regions(header)],
        };
        return columns;
    }

    private static IEnumerable<(int, string, string)> Demographic(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim();
            var us = h.IndexOf('_', StringComparison.Ordinal);
            if (us > 0 && Genders.Contains(h[..us]) && IsAge(h[(us + 1)..]))
            {
                yield return (i, h[..us], h[(us + 1)..]);
            }
        }
    }

    private static bool IsAge(string s) =>
        s.Length > 0 && char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiDigit(c) || c is '-' or '+') || s == "Unknown" || s == "unknown";

    private static IEnumerable<(int, string)> Regions(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim();
            if (h.Length > 0 && !h.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '+'))
            {
                yield return (i, h);
            }
        }
    }
}
