namespace Vigil.Ads.Json;

/// <summary>Wire names of <see cref="AdField"/> values.</summary>
public static class AdFields
{
    private static readonly (AdField Field, string Name)[] Names =
    [
        (AdField.Id, "id"), (AdField.AdCreationTime, "ad_creation_time"), (AdField.AdCreativeBodies, "ad_creative_bodies"),
        (AdField.AdCreativeLinkCaptions, "ad_creative_link_captions"), (AdField.AdCreativeLinkDescriptions, "ad_creative_link_descriptions"),
        (AdField.AdCreativeLinkTitles, "ad_creative_link_titles"), (AdField.AdDeliveryStartTime, "ad_delivery_start_time"),
        (AdField.AdDeliveryStopTime, "ad_delivery_stop_time"), (AdField.AdSnapshotUrl, "ad_snapshot_url"),
        (AdField.BeneficiaryPayers, "beneficiary_payers"), (AdField.Bylines, "bylines"), (AdField.Currency, "currency"),
        (AdField.DeliveryByRegion, "delivery_by_region"), (AdField.DemographicDistribution, "demographic_distribution"),
        (AdField.EstimatedAudienceSize, "estimated_audience_size"), (AdField.Impressions, "impressions"), (AdField.Languages, "languages"),
        (AdField.PageId, "page_id"), (AdField.PageName, "page_name"), (AdField.PublisherPlatforms, "publisher_platforms"),
        (AdField.Spend, "spend"), (AdField.TargetLocations, "target_locations"), (AdField.Platform, "platform"),
        (AdField.AdvertiserId, "advertiser_id"), (AdField.AdvertiserName, "advertiser_name"), (AdField.LandingUrls, "landing_urls"),
        (AdField.MediaHashes, "media_hashes"), (AdField.MediaUrls, "media_urls"), (AdField.AdReachedCountries, "ad_reached_countries"),
        (AdField.Topics, "topics"), (AdField.Targeting, "targeting"), (AdField.Version, "version"), (AdField.Takedown, "takedown"),
    ];

    private static readonly Dictionary<string, AdField> ByName = BuildByName();

    /// <summary>Every field name, in output order.</summary>
    public static IEnumerable<string> AllNames => Names.Select(n => n.Name);

    public static bool TryParse(string name, out AdField field) => ByName.TryGetValue(name.Trim(), out field);

    public static string NameOf(AdField field)
    {
        foreach (var (f, n) in Names)
        {
            if (f == field)
            {
                return n;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(field), field, "not a single field");
    }

    private static Dictionary<string, AdField> BuildByName()
    {
        var map = new Dictionary<string, AdField>(StringComparer.Ordinal);
        foreach (var (f, n) in Names)
        {
            map[n] = f;
        }

        // Older names still found in published datasets and scripts.
        map["ad_creative_body"] = AdField.AdCreativeBodies;
        map["ad_creative_link_caption"] = AdField.AdCreativeLinkCaptions;
        map["ad_creative_link_description"] = AdField.AdCreativeLinkDescriptions;
        map["ad_creative_link_title"] = AdField.AdCreativeLinkTitles;
        map["funding_entity"] = AdField.Bylines;
        map["potential_reach"] = AdField.EstimatedAudienceSize;
        return map;
    }
}
