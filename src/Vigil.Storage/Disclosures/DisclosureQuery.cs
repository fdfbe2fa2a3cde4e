namespace Vigil.Storage.Disclosures;

/// <summary>A page of the public index: an optional case-insensitive text to find in the title, narrative or actor.</summary>
public sealed record DisclosureQuery(string? Text = null, int Offset = 0, int Limit = 20);
