using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ads;

/// <summary><c>GET /public/ads_archive/pages/{platform}/{page_id}</c>: an advertiser's page with totals (<see cref="AdvertiserPage"/>).</summary>
internal static class AdvertiserPageEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext context, string platform, string pageId, [FromServices] IAdArchive archive,
        [FromServices] TimeProvider time)
    {
        var (page, _) = await LoadAsync(archive, platform, pageId, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        return page is null
            ? ApiProblems.NotFound(context, $"No ads from page '{pageId}' on platform '{platform}' are in the archive.")
            : TypedResults.Ok(page);
    }

    /// <summary>The page's totals and its ads in archive order; a null page when the archive holds no ad from it.</summary>
    public static async Task<(AdvertiserPage? Page, IReadOnlyList<Ad> Ads)> LoadAsync(IAdArchive archive, string platform, string pageId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var query = new AdsArchiveQuery { PageIds = [pageId], ActiveStatus = ActiveStatus.All };
        var ads = new List<Ad>();
        await foreach (var ad in archive.StreamAsync(query, now, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(ad.Platform, platform, StringComparison.Ordinal))
            {
                ads.Add(ad);
            }
        }

        if (ads.Count == 0)
        {
            return (null, ads);
        }

        // Totals per currency: every ad of the page in one group.
        var totals = SpendAggregator.Aggregate(ads.Select(a => a with { PageName = pageId }), SpendDimension.Page);
        var page = new AdvertiserPage(
            platform,
            pageId,
            ads[0].PageName,
            [.. ads.Select(a => a.Byline).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            ads.Count,
            ads.Count(a => a.IsActive(now)),
            ads.Min(a => a.DeliveryStart),
            ads.Any(a => a.DeliveryStop is null) ? null : ads.Max(a => a.DeliveryStop),
            [.. totals.Select(t => AdvertiserSpend.From(t, keyed: false))],
            [.. SpendAggregator.Aggregate(ads, SpendDimension.Week).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => AdvertiserSpend.From(t, keyed: true))],
            [.. SpendAggregator.Aggregate(ads, SpendDimension.Region).Select(t => AdvertiserSpend.From(t, keyed: true))]);
        return (page, ads);
    }
}
