namespace Vigil.Correlation.Webhooks;

/// <summary>What to do after an attempt: done, try again at <see cref="NextAttemptAt"/>, or move to the dead-letter list.</summary>
public sealed record DeliveryDecision(DeliveryAction Action, DateTimeOffset? NextAttemptAt, string Reason);
