using Vigil.Server.Rest;

namespace Vigil.Server.Web.Exchange;

/// <summary>One page of the object browser, with the token of the next page and the problems of the search form by field.</summary>
public sealed record BrowsePage(IReadOnlyList<SearchHit> Items, string? Next, IReadOnlyDictionary<string, string[]> Errors);
