using System.Globalization;
using System.Text.Json;
using Vigil.Ads.Model;

namespace Vigil.Ads.Json;

/// <summary>
/// Writes an ad in Meta's <c>ads_archive</c> shape: <c>spend</c>/<c>impressions</c> as <c>{"lower_bound","upper_bound"}</c>
/// strings, <c>demographic_distribution</c> as <c>[{percentage, age, gender}]</c>, <c>delivery_by_region</c> as
/// <c>[{percentage, region}]</c>, lists for the creative fields, lower-case publisher platforms. Missing values are left out,
/// as Meta does; an open-ended upper bound is left out of its range.
/// </summary>
public static class AdJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Ad ad, AdField fields) => Write(writer, ad, fields, sources: null);

    /// <summary>
    /// As <see cref="Write(Utf8JsonWriter, Ad, AdField)"/>, adding <c>landing_page_labels</c> (source-credibility ratings and
    /// state-affiliated-media labels of the ad's landing pages) when <paramref name="sources"/> knows any of them.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Ad ad, AdField fields, Vigil.Correlation.Sources.ISourceLookup? sources)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ad);
        writer.WriteStartObject();
        if (Has(fields, AdField.Id))
        {
            writer.WriteString("id", ad.Id);
        }

        Date(writer, fields, AdField.AdCreationTime, "ad_creation_time", ad.CreatedAt);
        List(writer, fields, AdField.AdCreativeBodies, "ad_creative_bodies", ad.CreativeBodies);
        List(writer, fields, AdField.AdCreativeLinkCaptions, "ad_creative_link_captions", ad.LinkCaptions);
        List(writer, fields, AdField.AdCreativeLinkDescriptions, "ad_creative_link_descriptions", ad.LinkDescriptions);
        List(writer, fields, AdField.AdCreativeLinkTitles, "ad_creative_link_titles", ad.LinkTitles);
        Date(writer, fields, AdField.AdDeliveryStartTime, "ad_delivery_start_time", ad.DeliveryStart);
        Date(writer, fields, AdField.AdDeliveryStopTime, "ad_delivery_stop_time", ad.DeliveryStop);
        Text(writer, fields, AdField.AdSnapshotUrl, "ad_snapshot_url", ad.SnapshotUrl);
        if (Has(fields, AdField.BeneficiaryPayers) && (ad.Payer is not null || ad.Beneficiary is not null))
        {
            writer.WriteStartArray("beneficiary_payers");
            writer.WriteStartObject();
            if (ad.Payer is not null)
            {
                writer.WriteString("payer", ad.Payer);
            }

            if (ad.Beneficiary is not null)
            {
                writer.WriteString("beneficiary", ad.Beneficiary);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        Text(writer, fields, AdField.Bylines, "bylines", ad.Byline);
        Text(writer, fields, AdField.Currency, "currency", ad.Currency);
        if (Has(fields, AdField.DeliveryByRegion) && ad.Regions.Count > 0)
        {
            writer.WriteStartArray("delivery_by_region");
            foreach (var r in ad.Regions)
            {
                writer.WriteStartObject();
                writer.WriteString("percentage", r.Share.ToString("R", CultureInfo.InvariantCulture));
                writer.WriteString("region", r.Region);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Has(fields, AdField.DemographicDistribution) && ad.Demographics.Count > 0)
        {
            writer.WriteStartArray("demographic_distribution");
            foreach (var d in ad.Demographics)
            {
                writer.WriteStartObject();
                writer.WriteString("percentage", d.Share.ToString("R", CultureInfo.InvariantCulture));
                writer.WriteString("age", d.Age);
                writer.WriteString("gender", d.Gender);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Has(fields, AdField.EstimatedAudienceSize) && ad.EstimatedAudienceSize is { } audience)
        {
            // Meta gives the audience size bounds as numbers, unlike spend and impressions.
            writer.WriteStartObject("estimated_audience_size");
            writer.WriteNumber("lower_bound", audience.Lower);
            if (audience.Upper is { } upper)
            {
                writer.WriteNumber("upper_bound", upper);
            }

            writer.WriteEndObject();
        }

        Range(writer, fields, AdField.Impressions, "impressions", ad.Impressions);
        List(writer, fields, AdField.Languages, "languages", ad.Languages);
        Text(writer, fields, AdField.PageId, "page_id", ad.PageId);
        Text(writer, fields, AdField.PageName, "page_name", ad.PageName);
        if (Has(fields, AdField.PublisherPlatforms) && ad.PublisherPlatforms.Count > 0)
        {
            writer.WriteStartArray("publisher_platforms");
            foreach (var p in ad.PublisherPlatforms)
            {
                writer.WriteStringValue(p.ToLowerInvariant());
            }

            writer.WriteEndArray();
        }

        Range(writer, fields, AdField.Spend, "spend", ad.Spend);
        if (Has(fields, AdField.TargetLocations) && ad.Targeting.Count > 0)
        {
            writer.WriteStartArray("target_locations");
            foreach (var t in ad.Targeting)
            {
                if (t.Name.Contains("region", StringComparison.OrdinalIgnoreCase) || t.Name.Contains("countr", StringComparison.OrdinalIgnoreCase))
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", t.Value);
                    writer.WriteString("type", t.Name);
                    writer.WriteBoolean("excluded", !t.Included);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        }

        Text(writer, fields, AdField.Platform, "platform", ad.Platform);
        Text(writer, fields, AdField.AdvertiserId, "advertiser_id", ad.AdvertiserId);
        Text(writer, fields, AdField.AdvertiserName, "advertiser_name", ad.AdvertiserName);
        List(writer, fields, AdField.LandingUrls, "landing_urls", ad.LandingUrls);
        List(writer, fields, AdField.MediaHashes, "media_hashes", ad.MediaHashes);
        List(writer, fields, AdField.MediaUrls, "media_urls", ad.MediaUrls);
        List(writer, fields, AdField.AdReachedCountries, "ad_reached_countries", ad.ReachedCountries);
        List(writer, fields, AdField.Topics, "topics", ad.Topics);
        if (Has(fields, AdField.Targeting) && ad.Targeting.Count > 0)
        {
            writer.WriteStartArray("targeting");
            foreach (var t in ad.Targeting)
            {
                writer.WriteStartObject();
                writer.WriteString("name", t.Name);
                writer.WriteString("value", t.Value);
                writer.WriteBoolean("included", t.Included);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Has(fields, AdField.Version))
        {
            writer.WriteNumber("version", ad.Version);
        }

        if (Has(fields, AdField.Takedown) && ad.Takedown is { } takedown)
        {
            writer.WriteStartObject("takedown");
            writer.WriteString("at", takedown.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("reason", takedown.Reason);
            if (takedown.By is not null)
            {
                writer.WriteString("by", takedown.By);
            }

            writer.WriteEndObject();
        }

        if (sources is not null)
        {
            LandingPageLabels(writer, ad, sources);
        }

        writer.WriteEndObject();
    }

    private static void LandingPageLabels(Utf8JsonWriter writer, Ad ad, Vigil.Correlation.Sources.ISourceLookup sources)
    {
        var started = false;
        foreach (var url in ad.LandingUrls)
        {
            var lookup = sources.Lookup(url);
            if (lookup.IsEmpty)
            {
                continue;
            }

            if (!started)
            {
                writer.WriteStartArray("landing_page_labels");
                started = true;
            }

            writer.WriteStartObject();
            writer.WriteString("url", url);
            writer.WriteStartArray("ratings");
            foreach (var rating in lookup.Ratings)
            {
                writer.WriteStartObject();
                writer.WriteString("provider", rating.Provider);
                if (rating.Score is { } score)
                {
                    writer.WriteNumber("score", score);
                }

                if (rating.Label is { } label)
                {
                    writer.WriteString("label", label);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("state_media");
            foreach (var media in lookup.StateMedia)
            {
                writer.WriteStartObject();
                writer.WriteString("outlet", media.Outlet);
                writer.WriteString("country", media.Country);
                writer.WriteString("state_body", media.StateBody);
                writer.WriteString("control", media.Control.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    /// <summary>Meta's date form: <c>yyyy-MM-dd</c> at midnight UTC, else <c>yyyy-MM-ddTHH:mm:ss+0000</c>.</summary>
    public static string FormatDate(DateTimeOffset date)
    {
        var utc = date.UtcDateTime;
        return utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);
    }

    private static bool Has(AdField fields, AdField field) => (fields & field) != 0;

    private static void Text(Utf8JsonWriter w, AdField fields, AdField field, string name, string? value)
    {
        if (Has(fields, field) && value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter w, AdField fields, AdField field, string name, DateTimeOffset? value)
    {
        if (Has(fields, field) && value is { } date)
        {
            w.WriteString(name, FormatDate(date));
        }
    }

    private static void List(Utf8JsonWriter w, AdField fields, AdField field, string name, IReadOnlyList<string> values)
    {
        if (!Has(fields, field) || values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Range(Utf8JsonWriter w, AdField fields, AdField field, string name, Bounds? value)
    {
        if (!Has(fields, field) || value is not { } b)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("lower_bound", b.Lower.ToString(CultureInfo.InvariantCulture));
        if (b.Upper is { } upper)
        {
            w.WriteString("upper_bound", upper.ToString(CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
    }
}
