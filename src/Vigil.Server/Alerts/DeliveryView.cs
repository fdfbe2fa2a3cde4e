namespace Vigil.Server.Alerts;

/// <summary>One delivery of an alert to a webhook, as its owner sees it (never the body's secret).</summary>
public sealed record DeliveryView(long Id, long AlertId, string IdempotencyKey, string Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError,
    DateTimeOffset? FinishedAt);
