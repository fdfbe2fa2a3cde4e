namespace Vigil.Storage.Disclosures;

/// <summary>One page of the index, newest first, and how many disclosures match in all.</summary>
public sealed record DisclosurePage(IReadOnlyList<Disclosure> Items, long Total);
