namespace Vigil.Ads.Advertisers;

/// <summary>Why an advertiser counts as state-affiliated media: what matched, the outlet, its state and the label's provider.</summary>
public sealed record StateMediaLink(string MatchedOn, string Outlet, string Country, string StateBody, string Provider);
