using System.Text.Json.Serialization;

namespace Vigil.Server.Demo;

/// <summary>One line of <c>demo-credentials.json</c>: the API key works as a Bearer token and as the HTTP Basic password.</summary>
public sealed record DemoCredential
{
    [JsonPropertyName("org")]
    public required string Org { get; init; }

    [JsonPropertyName("sector")]
    public required string Sector { get; init; }

    [JsonPropertyName("user")]
    public required string User { get; init; }

    [JsonPropertyName("password")]
    public required string Password { get; init; }

    [JsonPropertyName("api_key")]
    public required string ApiKey { get; init; }
}
