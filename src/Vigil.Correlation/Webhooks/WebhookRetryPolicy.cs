namespace Vigil.Correlation.Webhooks;

/// <summary>
/// Retry schedule for webhook deliveries: after the n-th failed attempt wait min(<see cref="MaxDelay"/>,
/// <see cref="BaseDelay"/> × 2^(n−1)), less a random part of up to <see cref="Jitter"/> of it so that retries of many
/// deliveries that failed together spread out. A <c>Retry-After</c> from the receiver is honoured when longer (capped at
/// <see cref="MaxDelay"/>). After <see cref="MaxAttempts"/> failed attempts, or a 410 Gone, the delivery is dead-lettered.
/// Each attempt should be cut off after <see cref="AttemptTimeout"/> so a hanging receiver holds nothing else up.
/// Defaults: 8 attempts over about 21 minutes.
/// </summary>
public sealed record WebhookRetryPolicy
{
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Fraction (0–1) of each delay that is randomized.</summary>
    public double Jitter { get; init; } = 0.2;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after <paramref name="failedAttempts"/> failures (1-based), for a uniform random number in [0, 1).</summary>
    public TimeSpan Delay(int failedAttempts, double random01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, exponent));
        var jittered = ticks * (1 - (Math.Clamp(Jitter, 0, 1) * Math.Clamp(random01, 0, 1)));
        return TimeSpan.FromTicks((long)jittered);
    }

    /// <summary>Decides what follows attempt number <paramref name="attempt"/> (1-based) that ended with <paramref name="outcome"/>.</summary>
    public DeliveryDecision Decide(int attempt, DeliveryOutcome outcome, DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (outcome.Succeeded)
        {
            return new DeliveryDecision(DeliveryAction.Delivered, null, outcome.Describe());
        }

        if (outcome.IsPermanentFailure)
        {
            return new DeliveryDecision(DeliveryAction.DeadLetter, null, $"{outcome.Describe()}: the receiver retired the endpoint");
        }

        if (attempt >= MaxAttempts)
        {
            return new DeliveryDecision(DeliveryAction.DeadLetter, null, $"{outcome.Describe()} after {attempt} attempts");
        }

        var delay = Delay(attempt, random.NextDouble());
        if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
        {
            delay = retryAfter < MaxDelay ? retryAfter : MaxDelay;
        }

        return new DeliveryDecision(DeliveryAction.Retry, now + delay, $"{outcome.Describe()}, attempt {attempt} of {MaxAttempts}");
    }
}
