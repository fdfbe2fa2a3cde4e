namespace Vigil.Ads.Validation;

/// <summary>Limits applied by <see cref="AdValidator"/>.</summary>
public sealed record AdValidationLimits
{
    /// <summary>Longest creative text (one body, title, caption or description), in UTF-16 code units.</summary>
    public int MaxCreativeLength { get; init; } = 32_768;

    /// <summary>Most creative texts of one kind per ad (carousel cards, versions).</summary>
    public int MaxCreativeItems { get; init; } = 100;

    /// <summary>
    /// Demographic shares must sum to 1 within this tolerance. Meta rounds each share, and the published sums run from 0.996
    /// to 1.004, so 0.02 accepts rounding on 21 cells and still catches a missing bracket or percent-for-fraction mistakes.
    /// </summary>
    public double ShareTolerance { get; init; } = 0.02;

    public static AdValidationLimits Default { get; } = new();
}
