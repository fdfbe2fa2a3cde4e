namespace Vigil.Ads.Model;

/// <summary>An ad taken down: it stays in the archive, marked with when, by whom and why.</summary>
public sealed record Takedown(DateTimeOffset At, string Reason, string? By = null);
