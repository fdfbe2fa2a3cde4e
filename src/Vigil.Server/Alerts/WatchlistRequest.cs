using System.Text.Json.Serialization;

namespace Vigil.Server.Alerts;

/// <summary>The body of <c>POST /api/rest/watchlists</c>: a name and at least one criterion; an object meeting any criterion alerts.</summary>
public sealed record WatchlistRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("values")]
    public IReadOnlyList<WatchedValue>? Values { get; init; }

    [JsonPropertyName("types")]
    public IReadOnlyList<string>? Types { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyList<string>? Labels { get; init; }

    [JsonPropertyName("campaign_ids")]
    public IReadOnlyList<string>? CampaignIds { get; init; }

    [JsonPropertyName("patterns")]
    public IReadOnlyList<string>? Patterns { get; init; }

    [JsonPropertyName("correlated_with_own_shares")]
    public bool CorrelatedWithOwnShares { get; init; }

    [JsonPropertyName("include_own_objects")]
    public bool IncludeOwnObjects { get; init; }
}
