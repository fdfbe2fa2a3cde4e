namespace Vigil.Ads.Advertisers;

/// <summary>A policy block on political ads, with the recorded reason (e.g. the state-media label that triggered it).</summary>
public sealed record AdvertiserBlock(string Reason, DateTimeOffset At, string Policy);
