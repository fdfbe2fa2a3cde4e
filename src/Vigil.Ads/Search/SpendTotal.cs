namespace Vigil.Ads.Search;

/// <summary>
/// Spend summed over ads in one group and one currency (currencies are never mixed): the sum of lower bounds and the sum of upper
/// bounds. <see cref="Upper"/> is null when any ad in the group has an open-ended upper bound.
/// </summary>
public sealed record SpendTotal(string Key, string Currency, decimal Lower, decimal? Upper, int Ads);
