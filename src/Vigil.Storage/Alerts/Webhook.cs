namespace Vigil.Storage.Alerts;

/// <summary>A member's webhook endpoint. Its signing secret is shown once, when it is created.</summary>
public sealed record Webhook(string Id, string OrgId, Uri Url, DateTimeOffset CreatedAt);
