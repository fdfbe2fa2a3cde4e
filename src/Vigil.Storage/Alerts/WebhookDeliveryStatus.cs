namespace Vigil.Storage.Alerts;

/// <summary>The states of a delivery row.</summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
}
