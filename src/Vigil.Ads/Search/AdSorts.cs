using Vigil.Ads.Model;

namespace Vigil.Ads.Search;

/// <summary>The <c>sort</c> parameter's names and each ad's sort value.</summary>
public static class AdSorts
{
    /// <summary>Sort value of an ad without the sorted figure: below every reported one (bounds are never negative).</summary>
    public const long Missing = -1;

    public static readonly IReadOnlyDictionary<string, AdSort> ByName = new Dictionary<string, AdSort>(StringComparer.Ordinal)
    {
        ["delivery_start_desc"] = AdSort.Newest,
        ["spend_desc"] = AdSort.Spend,
        ["impressions_desc"] = AdSort.Impressions,
    };

    public static string NameOf(AdSort sort) => ByName.First(p => p.Value == sort).Key;

    /// <summary>The value an ad is sorted by (0 for <see cref="AdSort.Newest"/>, which sorts by delivery start alone).</summary>
    public static long ValueOf(Ad ad, AdSort sort)
    {
        ArgumentNullException.ThrowIfNull(ad);
        return sort switch
        {
            AdSort.Spend => ad.Spend?.Lower ?? Missing,
            AdSort.Impressions => ad.Impressions?.Lower ?? Missing,
            _ => 0,
        };
    }
}
