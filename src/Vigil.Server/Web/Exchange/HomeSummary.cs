using Vigil.Server.Rest;

namespace Vigil.Server.Web.Exchange;

/// <summary>What the member's home shows: counts of visible objects and the latest shares.</summary>
public sealed record HomeSummary(long Total, long AddedLastWeek, IReadOnlyList<TypeCount> ByType, IReadOnlyList<SearchHit> Recent);
