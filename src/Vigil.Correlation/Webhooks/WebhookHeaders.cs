namespace Vigil.Correlation.Webhooks;

/// <summary>HTTP headers of a webhook delivery.</summary>
public static class WebhookHeaders
{
    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>; several <c>v1</c> entries while a secret is rotated.</summary>
    public const string Signature = "Vigil-Signature";

    /// <summary>The event id; the same on every retry, so receivers can drop duplicates (delivery is at-least-once).</summary>
    public const string IdempotencyKey = "Vigil-Idempotency-Key";

    public const string Attempt = "Vigil-Delivery-Attempt";
    public const string Event = "Vigil-Event";
}
