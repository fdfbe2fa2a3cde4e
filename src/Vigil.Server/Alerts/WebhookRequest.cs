using System.Text.Json.Serialization;

namespace Vigil.Server.Alerts;

/// <summary>The body of <c>POST /api/rest/webhooks</c>: the HTTPS (or loopback HTTP) address that receives the member's alerts.</summary>
public sealed record WebhookRequest
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
