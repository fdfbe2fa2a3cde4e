using Vigil.Ads.Model;

namespace Vigil.Ads.Search;

/// <summary>The non-text filters of a query, evaluated on one ad. Shared by the in-memory archive and export.</summary>
internal sealed class AdFilter(AdsArchiveQuery query, DateTimeOffset now)
{
    private readonly DateTimeOffset? _min = query.DeliveryDateMin?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private readonly DateTimeOffset? _maxExclusive = query.DeliveryDateMax?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>False when the ad type excludes everything in a political ad archive.</summary>
    public bool CanMatch => query.AdType is "ALL" or "POLITICAL_AND_ISSUE_ADS";

    public bool Matches(Ad ad)
    {
        switch (query.ActiveStatus)
        {
            case ActiveStatus.Active when !ad.IsActive(now):
            case ActiveStatus.Inactive when ad.IsActive(now):
                return false;
        }

        if (_min is { } min && ad.DeliveryStop is { } stop && stop < min)
        {
            return false;
        }

        if (_maxExclusive is { } max && (ad.DeliveryStart is not { } start || start >= max))
        {
            return false;
        }

        return Any(query.ReachedCountries, ad.ReachedCountries, StringComparer.Ordinal)
            && (query.PageIds.Count == 0 || (ad.PageId is { } page && query.PageIds.Contains(page)))
            && (query.Bylines.Count == 0 || (ad.Byline is { } byline && query.Bylines.Contains(byline)))
            && Any(query.Languages, ad.Languages, StringComparer.Ordinal)
            && Any(query.PublisherPlatforms, ad.PublisherPlatforms, StringComparer.OrdinalIgnoreCase)
            && Regions(ad)
            && Audience(ad);
    }

    private bool Audience(Ad ad) =>
        (query.AudienceSizeMin is null && query.AudienceSizeMax is null)
        || (ad.EstimatedAudienceSize is { } size && size.Overlaps(query.AudienceSizeMin, query.AudienceSizeMax));

    private bool Regions(Ad ad)
    {
        if (query.Regions.Count == 0)
        {
            return true;
        }

        foreach (var r in ad.Regions)
        {
            if (r.Share > 0)
            {
                foreach (var wanted in query.Regions)
                {
                    if (string.Equals(wanted, r.Region, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Any(IReadOnlyList<string> wanted, IReadOnlyList<string> have, StringComparer comparer)
    {
        if (wanted.Count == 0)
        {
            return true;
        }

        foreach (var h in have)
        {
            foreach (var w in wanted)
            {
                if (comparer.Equals(h, w))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
