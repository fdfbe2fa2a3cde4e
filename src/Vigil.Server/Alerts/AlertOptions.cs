using Vigil.Correlation.Webhooks;

namespace Vigil.Server.Alerts;

/// <summary>How often the dispatcher and the webhook sender look for work, and the webhook retry schedule.</summary>
public sealed record AlertOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
    public int MaxConcurrentDeliveries { get; init; } = 32;
    public WebhookRetryPolicy Retry { get; init; } = new();
}
