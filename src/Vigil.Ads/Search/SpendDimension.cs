namespace Vigil.Ads.Search;

/// <summary>What spend is grouped by.</summary>
public enum SpendDimension
{
    /// <summary>The "paid for by" byline (the advertiser as the public sees it).</summary>
    Advertiser,
    Page,

    /// <summary>Region from <c>delivery_by_region</c>; each ad's range is split by its region shares.</summary>
    Region,

    /// <summary>ISO week of delivery start, e.g. <c>2022-W28</c>.</summary>
    Week,
    Topic,
}
