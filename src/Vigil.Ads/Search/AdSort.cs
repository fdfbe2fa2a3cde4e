namespace Vigil.Ads.Search;

/// <summary>
/// Result order (<c>sort</c>, a Vigil extension: Meta's <c>ads_archive</c> has no sort). <see cref="Newest"/> is the archive order;
/// the others put the highest reported lower bound first (ads without the figure last), then archive order.
/// </summary>
public enum AdSort
{
    /// <summary><c>delivery_start_desc</c>: newest delivery start first, then ad key.</summary>
    Newest,

    /// <summary><c>spend_desc</c>: highest spend lower bound first, whatever the currency.</summary>
    Spend,

    /// <summary><c>impressions_desc</c>: highest impressions lower bound first.</summary>
    Impressions,
}
