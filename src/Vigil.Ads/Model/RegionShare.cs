namespace Vigil.Ads.Model;

/// <summary>Share (0..1) of an ad's impressions in one region, as Meta's <c>delivery_by_region</c> reports it.</summary>
public readonly record struct RegionShare(string Region, double Share);
