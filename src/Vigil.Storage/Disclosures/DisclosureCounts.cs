namespace Vigil.Storage.Disclosures;

/// <summary>What the takedown covered: accounts, pages, groups, their followers and the ad spend (with its ISO 4217 currency) when known.</summary>
public sealed record DisclosureCounts(long Accounts, long Pages, long Groups, long Followers, decimal? AdSpend = null, string? AdCurrency = null);
