using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Vigil.Core.Sharing;

namespace Vigil.Server.Correlation;

/// <summary>The body of <c>POST /api/rest/sightings</c>; property names follow STIX. <see cref="Tlp"/> defaults to the collection's.</summary>
public sealed record SightingRequest
{
    [JsonPropertyName("sighting_of_ref")]
    public string? SightingOfRef { get; init; }

    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("first_seen")]
    public DateTimeOffset? FirstSeen { get; init; }

    [JsonPropertyName("last_seen")]
    public DateTimeOffset? LastSeen { get; init; }

    [JsonPropertyName("where_sighted_refs")]
    public IReadOnlyList<string>? WhereSightedRefs { get; init; }

    [JsonPropertyName("observed_data_refs")]
    public IReadOnlyList<string>? ObservedDataRefs { get; init; }

    [JsonPropertyName("collection")]
    public string? Collection { get; init; }

    [JsonPropertyName("tlp")]
    public TlpLevel? Tlp { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The content class of what was sighted, checked by the data-minimization policy like any shared object's.</summary>
    [JsonPropertyName("x_vigil_content_class")]
    public string? ContentClass { get; init; }

    /// <summary>The legal process the share cites (type, issuing_body, number, date), copied onto the sighting.</summary>
    [JsonPropertyName("x_vigil_legal_process")]
    public JsonObject? LegalProcess { get; init; }
}
