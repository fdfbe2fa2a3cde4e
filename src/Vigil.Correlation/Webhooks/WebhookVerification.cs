namespace Vigil.Correlation.Webhooks;

/// <summary>The outcome of checking a <c>Vigil-Signature</c> header.</summary>
public enum WebhookVerification
{
    Valid,
    MissingHeader,
    Malformed,
    TimestampOutsideTolerance,
    SignatureMismatch,
}
