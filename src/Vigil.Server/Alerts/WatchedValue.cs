using System.Text.Json.Serialization;

namespace Vigil.Server.Alerts;

/// <summary>An observable to watch: kind (url, domain, account, email, ipv4, ipv6, file-hash, pdq), value, and the platform or hash algorithm where the kind needs one.</summary>
public sealed record WatchedValue
{
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    [JsonPropertyName("algorithm")]
    public string? Algorithm { get; init; }
}
