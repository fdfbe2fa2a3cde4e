namespace Vigil.Server.Disclosures;

/// <summary>A page of the public index (newest first) and how many disclosures match the search in all.</summary>
public sealed record DisclosureIndex(IReadOnlyList<DisclosureView> Items, long Total, int Page, int PageSize, string? Q);
