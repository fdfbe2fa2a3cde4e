namespace Vigil.Correlation.Webhooks;

public enum DeliveryAction
{
    Delivered,
    Retry,
    DeadLetter,
}
