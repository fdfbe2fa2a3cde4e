using Vigil.Ads.Advertisers;
using Vigil.Ads.Import;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Submission;

/// <summary>
/// Accepts ads from a member platform: each ad is validated, linked to its registered advertiser (by <see cref="Ad.AdvertiserId"/>,
/// else by the platform page), refused when that advertiser is not verified or attested or is blocked, and saved as a new ad or
/// version. A rejection never stops the rest of the submission; the summary lists every one.
/// </summary>
public sealed class AdSubmission(IAdvertiserStore advertisers, IAdArchive archive, AdValidator validator)
{
    public async Task<AdSubmissionSummary> SubmitAsync(IAsyncEnumerable<AdImportItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        int created = 0, versions = 0, unchanged = 0;
        var rejections = new List<AdRejection>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (item.Ad is not { } ad)
            {
                rejections.AddRange(item.Problems.Select(p => new AdRejection(item.Row, item.Line, null, p.Field, p.Reason)));
                continue;
            }

            var advertiser = await FindAdvertiserAsync(ad, cancellationToken);
            var problems = validator.ValidateSubmission(ad, advertiser);
            if (problems.Count > 0)
            {
                rejections.AddRange(problems.Select(p => new AdRejection(item.Row, item.Line, ad.Id, p.Field, p.Reason)));
                continue;
            }

            switch (await archive.SaveAsync(ad with { AdvertiserId = advertiser!.Id }, cancellationToken))
            {
                case AdSaveResult.Created:
                    created++;
                    break;
                case AdSaveResult.NewVersion:
                    versions++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        return new AdSubmissionSummary(created, versions, unchanged, rejections);
    }

    /// <summary>Submits a single ad (the REST single-ad endpoint).</summary>
    public Task<AdSubmissionSummary> SubmitAsync(Ad ad, CancellationToken cancellationToken) =>
        SubmitAsync(One(new AdImportItem(1, 0, ad, [])), cancellationToken);

    private async ValueTask<Advertiser?> FindAdvertiserAsync(Ad ad, CancellationToken cancellationToken)
    {
        if (ad.AdvertiserId is { } id)
        {
            return await advertisers.GetAsync(id, cancellationToken);
        }

        return ad.PageId is { } page ? await advertisers.FindByAccountAsync(ad.Platform, page, cancellationToken) : null;
    }

    private static async IAsyncEnumerable<AdImportItem> One(AdImportItem item)
    {
        yield return item;
        await Task.CompletedTask;
    }
}
