namespace Vigil.Ads.Model;

/// <summary>
/// A reported range of whole units (money in the currency's major unit, impressions, people). Exact figures are equal bounds;
/// a null <see cref="Upper"/> is an open-ended top bucket (Meta's "1M+").
/// </summary>
public readonly record struct Bounds(long Lower, long? Upper)
{
    public static Bounds Exact(long value) => new(value, value);

    public bool IsExact => Upper == Lower;

    public bool IsInverted => Upper is { } upper && upper < Lower;

    /// <summary>True when the two ranges share at least one value (an open upper bound reaches infinity).</summary>
    public bool Overlaps(long? min, long? max) =>
        (min is null || Upper is null || Upper.Value >= min.Value) && (max is null || Lower <= max.Value);
}
