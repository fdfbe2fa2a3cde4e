namespace Vigil.Correlation.Watchlists;

/// <summary>Which criteria of a subscription an object met.</summary>
[Flags]
public enum WatchlistReasons
{
    None = 0,
    Value = 1 << 0,
    Type = 1 << 1,
    Label = 1 << 2,
    Campaign = 1 << 3,
    Pattern = 1 << 4,
    CorrelatedWithOwnShare = 1 << 5,
}
