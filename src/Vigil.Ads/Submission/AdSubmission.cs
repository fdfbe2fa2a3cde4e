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
    /// <summary>Accepted ads are saved this many at a time, each batch in one transaction.</summary>
    public const int BatchSize = 1000;

    public async Task<AdSubmissionSummary> SubmitAsync(IAsyncEnumerable<AdImportItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rejections = new List<AdRejection>();
        var saver = new AdBatchSaver(archive);
        // A bulk file names the same few advertisers over and over: each is looked up once per submission.
        var byId = new Dictionary<string, Advertiser?>(StringComparer.Ordinal);
        var byPage = new Dictionary<(string Platform, string Page), Advertiser?>();
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                if (item.Ad is not { } ad)
                {
                    rejections.AddRange(item.Problems.Select(p => new AdRejection(item.Row, item.Line, null, p.Field, p.Reason)));
                    continue;
                }

                var advertiser = await FindAdvertiserAsync(ad, byId, byPage, cancellationToken);
                var problems = validator.ValidateSubmission(ad, advertiser);
                if (problems.Count > 0)
                {
                    rejections.AddRange(problems.Select(p => new AdRejection(item.Row, item.Line, ad.Id, p.Field, p.Reason)));
                    continue;
                }

                await saver.AddAsync(ad with { AdvertiserId = advertiser!.Id }, cancellationToken);
            }

            await saver.CompleteAsync(cancellationToken);
        }
        finally
        {
            await saver.DrainAsync();
        }

        return new AdSubmissionSummary(saver.Created, saver.NewVersions, saver.Unchanged, rejections);
    }

    /// <summary>Submits a single ad (the REST single-ad endpoint).</summary>
    public Task<AdSubmissionSummary> SubmitAsync(Ad ad, CancellationToken cancellationToken) =>
        SubmitAsync(One(new AdImportItem(1, 0, ad, [])), cancellationToken);

    private async ValueTask<Advertiser?> FindAdvertiserAsync(
        Ad ad, Dictionary<string, Advertiser?> byId, Dictionary<(string Platform, string Page), Advertiser?> byPage, CancellationToken cancellationToken)
    {
        if (ad.AdvertiserId is { } id)
        {
            if (!byId.TryGetValue(id, out var known))
            {
                known = byId[id] = await advertisers.GetAsync(id, cancellationToken);
            }

            return known;
        }

        if (ad.PageId is not { } page)
        {
            return null;
        }

        if (!byPage.TryGetValue((ad.Platform, page), out var owner))
        {
            owner = byPage[(ad.Platform, page)] = await advertisers.FindByAccountAsync(ad.Platform, page, cancellationToken);
        }

        return owner;
    }

    private static async IAsyncEnumerable<AdImportItem> One(AdImportItem item)
    {
        yield return item;
        await Task.CompletedTask;
    }
}
