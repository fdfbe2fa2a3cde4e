namespace Vigil.Server.Disclosures;

/// <summary>What the takedown covered; <see cref="AdCurrency"/> (ISO 4217, such as USD) is required with <see cref="AdSpend"/>.</summary>
public sealed record DisclosureCountsInput(long? Accounts, long? Pages, long? Groups, long? Followers, decimal? AdSpend, string? AdCurrency);
