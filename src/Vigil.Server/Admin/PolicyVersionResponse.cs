using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Vigil.Server.Admin;

/// <summary>A data-minimization policy version as the admin API shows it; version 0 is the built-in default.</summary>
public sealed record PolicyVersionResponse
{
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    [JsonPropertyName("changed_by")]
    public string? ChangedBy { get; init; }

    [JsonPropertyName("changed_at")]
    public DateTimeOffset? ChangedAt { get; init; }

    [JsonPropertyName("policy")]
    public required JsonObject Policy { get; init; }
}
