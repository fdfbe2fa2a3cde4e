namespace Vigil.Storage.Disclosures;

/// <summary>One account of a disclosure's dataset. In a hashed dataset <see cref="AccountId"/> and <see cref="Handle"/> are HMAC-SHA256 hex digests.</summary>
public sealed record DisclosedAccount(string Platform, string AccountId, string Handle, DateOnly? Created, long Followers);
