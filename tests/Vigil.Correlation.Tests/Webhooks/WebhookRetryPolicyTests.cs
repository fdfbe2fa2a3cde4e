using Vigil.Correlation.Webhooks;

namespace Vigil.Correlation.Tests.Webhooks;

public sealed class WebhookRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 5, 0, 0, TimeSpan.Zero);
    private readonly WebhookRetryPolicy _policy = new() { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(60), Jitter = 0.5 };

    [Fact]
    public void Delay_doubles_until_the_cap_without_jitter()
    {
        var delays = Enumerable.Range(1, 5).Select(n => _policy.Delay(n, 0).TotalSeconds);
        Assert.Equal([10.0, 20, 40, 60, 60], delays);
    }

    [Fact]
    public void Jitter_shortens_a_delay_by_at_most_its_fraction()
    {
        Assert.Equal(10, _policy.Delay(2, 1).TotalSeconds, 6);
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(_policy.Delay(3, random.NextDouble()).TotalSeconds, 20, 40);
        }
    }

    [Fact]
    public void Success_is_delivered()
    {
        var decision = _policy.Decide(1, DeliveryOutcome.Status(204), Now, new Random(1));
        Assert.Equal(DeliveryAction.Delivered, decision.Action);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(302)]
    [InlineData(404)]
    [InlineData(429)]
    public void Failure_is_retried_later(int status)
    {
        var decision = _policy.Decide(1, DeliveryOutcome.Status(status), Now, new Random(1));
        Assert.Equal(DeliveryAction.Retry, decision.Action);
        Assert.InRange(decision.NextAttemptAt!.Value, Now.AddSeconds(5), Now.AddSeconds(10));
    }

    [Fact]
    public void Hang_and_unreachable_receivers_are_retried()
    {
        Assert.Equal(DeliveryAction.Retry, _policy.Decide(2, DeliveryOutcome.Timeout(), Now, new Random(1)).Action);
        Assert.Contains("connection failed", _policy.Decide(2, DeliveryOutcome.Unreachable(), Now, new Random(1)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap()
    {
        Assert.Equal(Now.AddSeconds(45), _policy.Decide(1, DeliveryOutcome.Status(429, TimeSpan.FromSeconds(45)), Now, new Random(1)).NextAttemptAt);
        Assert.Equal(Now.AddSeconds(60), _policy.Decide(1, DeliveryOutcome.Status(503, TimeSpan.FromHours(2)), Now, new Random(1)).NextAttemptAt);
    }

    [Fact]
    public void Delivery_is_dead_lettered_after_the_last_attempt()
    {
        var decision = _policy.Decide(5, DeliveryOutcome.Status(500), Now, new Random(1));
        Assert.Equal(DeliveryAction.DeadLetter, decision.Action);
        Assert.Contains("after 5 attempts", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gone_endpoint_is_dead_lettered_at_once() =>
        Assert.Equal(DeliveryAction.DeadLetter, _policy.Decide(1, DeliveryOutcome.Status(410), Now, new Random(1)).Action);

    [Fact]
    public void Default_schedule_spans_about_twenty_minutes()
    {
        var policy = new WebhookRetryPolicy();
        var total = Enumerable.Range(1, policy.MaxAttempts - 1).Sum(n => policy.Delay(n, 0).TotalMinutes);
        Assert.InRange(total, 20, 22);
    }
}
