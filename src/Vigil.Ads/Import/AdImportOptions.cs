namespace Vigil.Ads.Import;

/// <summary>Options for an import.</summary>
public sealed record AdImportOptions
{
    public AdFileFormat Format { get; init; } = AdFileFormat.Auto;

    /// <summary>Platform recorded on ads whose file does not say (Meta files → <c>meta</c>, Snap → <c>snapchat</c>).</summary>
    public string? Platform { get; init; }

    /// <summary>Reached countries for files that do not carry them (Meta CSV is pulled per <c>ad_reached_countries</c>).</summary>
    public IReadOnlyList<string> ReachedCountries { get; init; } = [];

    public Validation.AdValidationLimits Limits { get; init; } = Validation.AdValidationLimits.Default;
}
