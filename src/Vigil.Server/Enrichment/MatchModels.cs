using System.Text.Json.Nodes;
using Vigil.Core.Sharing;

namespace Vigil.Server.Enrichment;

/// <summary>The body of <c>POST /api/rest/match</c>: STIX cyber observables (at least <c>type</c> and the properties patterns test).</summary>
public sealed record MatchRequest
{
    public List<JsonObject?>? Observables { get; init; }
}

public sealed record MatchResponse(int Observables, int IndicatorsChecked, IReadOnlyList<MatchedIndicator> Matches, IReadOnlyList<UndecidedMatch> Undecided,
    IReadOnlyList<CorrelatedValue> Correlated);

/// <summary>
/// A normalized value of some of the request's observables (<see cref="Observables"/> are their indexes) and the newest
/// visible objects any member shared that touch the same value (at most <see cref="MatchObservations.CorrelatedPerValue"/>).
/// </summary>
public sealed record CorrelatedValue(string Key, IReadOnlyList<int> Observables, IReadOnlyList<CorrelatedObject> Objects);

/// <summary>A visible object touching a matched value.</summary>
public sealed record CorrelatedObject(string Id, string Type, string CollectionId, string AuthorOrg, TlpLevel Tlp, string DateAdded);

/// <summary>An indicator the caller may see whose pattern matched; <see cref="Observables"/> are indexes into the request's list.</summary>
public sealed record MatchedIndicator(
    string Id, string? Name, string Pattern, string CollectionId, TlpLevel Tlp, string AuthorOrg, DateTimeOffset? ValidUntil, IReadOnlyList<int> Observables);

/// <summary>An indicator whose evaluation hit the step limit, so the answer is neither yes nor no.</summary>
public sealed record UndecidedMatch(string Id, string Reason);
