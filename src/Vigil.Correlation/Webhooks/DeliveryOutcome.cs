namespace Vigil.Correlation.Webhooks;

/// <summary>
/// What one delivery attempt got: an HTTP status, or a timeout, or a connection error. Redirects are not followed and count
/// as failures (a receiver must answer at the address it registered).
/// </summary>
public readonly record struct DeliveryOutcome(int? StatusCode, bool TimedOut = false, bool ConnectionFailed = false, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Status(int code, TimeSpan? retryAfter = null) => new(code, RetryAfter: retryAfter);

    public static DeliveryOutcome Timeout() => new(null, TimedOut: true);

    public static DeliveryOutcome Unreachable() => new(null, ConnectionFailed: true);

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver says the endpoint is retired, so retrying is pointless.</summary>
    public bool IsPermanentFailure => StatusCode == 410;

    public string Describe() =>
        TimedOut ? "timed out" : ConnectionFailed ? "connection failed" : StatusCode is { } code ? $"HTTP {code}" : "no response";
}
