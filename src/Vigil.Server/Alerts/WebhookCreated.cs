namespace Vigil.Server.Alerts;

/// <summary>A new webhook and its signing secret, shown only in this answer.</summary>
public sealed record WebhookCreated(string Id, Uri Url, string Secret, DateTimeOffset CreatedAt);
