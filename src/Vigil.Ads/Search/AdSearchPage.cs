using Vigil.Ads.Model;

namespace Vigil.Ads.Search;

/// <summary>One page of results; <see cref="After"/> is the cursor for the next page, null on the last page.</summary>
public sealed record AdSearchPage(IReadOnlyList<Ad> Ads, string? After);
