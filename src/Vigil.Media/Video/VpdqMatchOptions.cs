namespace Vigil.Media.Video;

/// <summary>vPDQ comparison parameters, with the values Meta's description uses as examples.</summary>
public sealed record VpdqMatchOptions
{
    public static VpdqMatchOptions Default { get; } = new();

    /// <summary>Two frames match when their PDQ distance is at most this (D).</summary>
    public int MaxDistance { get; init; } = 31;

    /// <summary>Frames below this quality are not compared (F).</summary>
    public int MinQuality { get; init; } = 50;

    /// <summary>Share of the target's frames that must be matched, in percent (P_c).</summary>
    public double TargetMatchPercent { get; init; } = 80;

    /// <summary>Share of the query's frames that must be matched, in percent (P_q; 0 allows extra content).</summary>
    public double QueryMatchPercent { get; init; }
}
