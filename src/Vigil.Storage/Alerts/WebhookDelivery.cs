namespace Vigil.Storage.Alerts;

/// <summary>One queued (or finished) delivery of an alert to a webhook; <see cref="Secret"/> is only filled for the sender.</summary>
public sealed record WebhookDelivery
{
    public required long Id { get; init; }
    public required string WebhookId { get; init; }
    public required Uri Url { get; init; }
    public byte[]? Secret { get; init; }
    public required long AlertId { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string Body { get; init; }
    public required int Attempts { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
