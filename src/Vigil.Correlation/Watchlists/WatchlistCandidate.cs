using System.Text.Json.Nodes;
using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Watchlists;

/// <summary>
/// A new or changed object (or a sighting) as the matcher sees it: its id and type, the observable keys it touches (from
/// <c>StixObservableExtractor</c>), its labels, the campaigns it relates to, and who shared it. <see cref="Json"/> is passed to
/// pattern predicates.
/// </summary>
public sealed record WatchlistCandidate
{
    public required string ObjectId { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<ObservableKey> Keys { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> CampaignIds { get; init; } = [];
    public string? SharedBy { get; init; }
    public JsonObject? Json { get; init; }
}
