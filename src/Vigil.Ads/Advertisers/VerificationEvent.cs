namespace Vigil.Ads.Advertisers;

/// <summary>One step of the verification history: who moved the advertiser from which state to which, when and why.</summary>
public sealed record VerificationEvent(VerificationState From, VerificationState To, string Reviewer, DateTimeOffset At, string? Notes);
