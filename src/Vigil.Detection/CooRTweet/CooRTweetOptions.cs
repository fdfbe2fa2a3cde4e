namespace Vigil.Detection.CooRTweet;

/// <summary>CooRTweet's <c>detect_groups(time_window, min_participation)</c> parameters.</summary>
public sealed record CooRTweetOptions
{
    public int WindowSeconds { get; init; } = 10;
    public int MinParticipation { get; init; } = 2;
}
