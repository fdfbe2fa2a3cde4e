namespace Vigil.Ads.Advertisers;

/// <summary>
/// The submitting platform vouches that it verified the advertiser under its own process; <see cref="Reference"/> is the
/// platform's own case or record id so the claim can be traced.
/// </summary>
public sealed record PlatformAttestation(string Platform, string Reference, DateTimeOffset At, string? Process = null);
