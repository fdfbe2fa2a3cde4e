namespace Vigil.Ads.Model;

/// <summary>Share (0..1) of an ad's impressions for one age bracket and gender, as Meta's <c>demographic_distribution</c> reports it.</summary>
public readonly record struct DemographicShare(string Age, string Gender, double Share);
