using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ads;

/// <summary>
/// <c>GET /public/ads_archive/spend?group_by=advertiser|page|region|week|topic</c> with the search parameters: spend of every
/// matching ad summed per group and currency (<see cref="SpendAggregator"/>: bounds add up separately, currencies never mix).
/// </summary>
internal static class SpendEndpoint
{
    private static readonly Dictionary<string, SpendDimension> Dimensions = new(StringComparer.Ordinal)
    {
        ["advertiser"] = SpendDimension.Advertiser,
        ["page"] = SpendDimension.Page,
        ["region"] = SpendDimension.Region,
        ["week"] = SpendDimension.Week,
        ["topic"] = SpendDimension.Topic,
    };

    public static async Task<IResult> GetAsync(HttpContext context, [FromServices] IAdArchive archive, [FromServices] TimeProvider time)
    {
        var groupBy = context.Request.Query["group_by"].ToString();
        if (!Dimensions.TryGetValue(groupBy, out var dimension))
        {
            return ApiProblems.Invalid(context, "group_by", $"'{groupBy}' is not one of {string.Join(", ", Dimensions.Keys)}");
        }

        if (!AdsArchiveEndpoints.TryQuery(context, out var query, out var problem))
        {
            return problem;
        }

        var ads = new List<Ad>();
        await foreach (var ad in archive.StreamAsync(query, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false))
        {
            // Only what the aggregate reads, so a large match set stays small in memory.
            ads.Add(new Ad
            {
                Id = ad.Id,
                Platform = ad.Platform,
                Byline = ad.Byline,
                PageId = ad.PageId,
                PageName = ad.PageName,
                AdvertiserName = ad.AdvertiserName,
                DeliveryStart = ad.DeliveryStart,
                Spend = ad.Spend,
                Currency = ad.Currency,
                Regions = ad.Regions,
                Topics = ad.Topics,
            });
        }

        return TypedResults.Ok(new SpendAnswer(groupBy, [.. SpendAggregator.Aggregate(ads, dimension).Select(t => AdvertiserSpend.From(t, keyed: true))]));
    }
}
