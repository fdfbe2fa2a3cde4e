namespace Vigil.Correlation.Observables;

/// <summary>
/// A normalized value with what was learned on the way: <see cref="Display"/> is the human form (Unicode host for IDNs),
/// <see cref="Related"/> are further keys implied by this one (a URL implies its host's registrable domain).
/// </summary>
public sealed record NormalizedObservable
{
    public required ObservableKey Key { get; init; }
    public ObservableFlags Flags { get; init; }
    public string? Display { get; init; }

    /// <summary>For confusable hosts, the Latin look-alike (e.g. <c>paypal.com</c> for <c>раураl.com</c>).</summary>
    public string? Skeleton { get; init; }

    public IReadOnlyList<ObservableKey> Related { get; init; } = [];
}
