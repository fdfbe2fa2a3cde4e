namespace Vigil.Correlation.Sources;

/// <summary>
/// What the registry knows about a URL or domain. The nearest entry wins for each of ratings and state-media labels: the exact
/// host first, then each parent domain down to the registrable domain (<c>de.rt.com</c>, then <c>rt.com</c>).
/// <see cref="RatingsMatchedOn"/> and <see cref="StateMediaMatchedOn"/> name the host whose entry was used.
/// </summary>
public sealed record SourceLookup
{
    public static readonly SourceLookup None = new() { Host = string.Empty };

    public required string Host { get; init; }
    public IReadOnlyList<SourceRating> Ratings { get; init; } = [];
    public IReadOnlyList<StateMediaLabel> StateMedia { get; init; } = [];
    public string? RatingsMatchedOn { get; init; }
    public string? StateMediaMatchedOn { get; init; }

    public bool IsEmpty => Ratings.Count == 0 && StateMedia.Count == 0;
}
