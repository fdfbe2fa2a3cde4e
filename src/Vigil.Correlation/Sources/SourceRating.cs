namespace Vigil.Correlation.Sources;

/// <summary>
/// One provider's rating of a news source. <see cref="Score"/> is on 0–1 (higher = more credible) when the provider gives a
/// number; <see cref="Label"/> is the provider's wording or a band. <see cref="PathPrefix"/> limits the rating to part of a
/// site (e.g. <c>/news</c> on <c>yahoo.com</c>); null means the whole host.
/// </summary>
public sealed record SourceRating
{
    public required string Provider { get; init; }
    public required string Host { get; init; }
    public string? PathPrefix { get; init; }
    public double? Score { get; init; }
    public string? Label { get; init; }
    public DateOnly? RatedOn { get; init; }
    public string? Evidence { get; init; }
}
