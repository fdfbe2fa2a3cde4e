namespace Vigil.Server.Cases;

/// <summary><c>GET /api/rest/ads/pages/{platform}/{pageId}/cases</c>: the cases naming the page that the caller is party to.</summary>
public sealed record AdPageCases(string Platform, string PageId, IReadOnlyList<AdPageCase> Cases);

/// <summary>One case naming an ad page, as its party sees it in the ad library.</summary>
public sealed record AdPageCase(string Id, string Title, string Type, string Status);
