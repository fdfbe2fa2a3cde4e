namespace Vigil.Detection.Signals;

/// <summary>One signal's settings: two co-actions count when they are at most <see cref="WindowSeconds"/> apart.</summary>
public sealed record SignalOptions
{
    public bool Enabled { get; init; } = true;
    public int WindowSeconds { get; init; } = 60;
    /// <summary>Fewest distinct co-actions an account pair needs before it is tested against the null model.</summary>
    public int MinCoActions { get; init; } = 3;
}
