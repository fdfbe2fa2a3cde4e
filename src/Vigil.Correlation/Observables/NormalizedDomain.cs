namespace Vigil.Correlation.Observables;

/// <summary>
/// A normalized host name. <see cref="Host"/> is lowercase ASCII (punycode) without a trailing dot; <see cref="Unicode"/>
/// is the same name with its IDN labels decoded; <see cref="RegistrableDomain"/> is null when the host is itself a public suffix.
/// </summary>
public sealed record NormalizedDomain
{
    public required string Host { get; init; }
    public required string Unicode { get; init; }
    public required string PublicSuffix { get; init; }
    public string? RegistrableDomain { get; init; }
    public ObservableFlags Flags { get; init; }

    /// <summary>The Latin look-alike of <see cref="Unicode"/> when <see cref="ObservableFlags.Confusable"/> is set.</summary>
    public string? Skeleton { get; init; }
}
