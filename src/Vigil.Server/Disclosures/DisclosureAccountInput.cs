namespace Vigil.Server.Disclosures;

/// <summary>One account of the dataset as the publisher knows it; the hub hashes the id and handle unless they are marked public.</summary>
public sealed record DisclosureAccountInput(string? Platform, string? AccountId, string? Handle, string? Created, long? Followers);
