using System.Text.Json.Serialization;
using Vigil.Ads.Search;

namespace Vigil.Server.Ads;

/// <summary>
/// The answer of <c>GET /public/ads_archive/pages/{platform}/{page_id}</c>: who advertises from the page, how many ads, when, and
/// spend summed by currency (never mixed), by ISO week of delivery start and by region (ranges split by region shares).
/// </summary>
public sealed record AdvertiserPage(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("page_id")] string PageId,
    [property: JsonPropertyName("page_name")] string? PageName,
    [property: JsonPropertyName("bylines")] IReadOnlyList<string> Bylines,
    [property: JsonPropertyName("ads")] int Ads,
    [property: JsonPropertyName("active_ads")] int ActiveAds,
    [property: JsonPropertyName("first_delivery_start")] DateTimeOffset? FirstDeliveryStart,
    [property: JsonPropertyName("last_delivery_stop")] DateTimeOffset? LastDeliveryStop,
    [property: JsonPropertyName("spend")] IReadOnlyList<AdvertiserSpend> Spend,
    [property: JsonPropertyName("spend_by_week")] IReadOnlyList<AdvertiserSpend> SpendByWeek,
    [property: JsonPropertyName("spend_by_region")] IReadOnlyList<AdvertiserSpend> SpendByRegion);

/// <summary>Spend in one currency for one group: lower and upper sums (upper absent when an ad's range is open-ended).</summary>
public sealed record AdvertiserSpend(
    [property: JsonPropertyName("key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("lower_bound")] decimal Lower,
    [property: JsonPropertyName("upper_bound"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Upper,
    [property: JsonPropertyName("ads")] int Ads)
{
    public static AdvertiserSpend From(SpendTotal total, bool keyed)
    {
        ArgumentNullException.ThrowIfNull(total);
        return new(keyed ? total.Key : null, total.Currency, total.Lower, total.Upper, total.Ads);
    }
}
