using System.Text.Json;
using Vigil.Correlation.Sources;

namespace Vigil.Server.Enrichment;

/// <summary>The answer of <c>GET /public/lookup</c>: the normalized value, its flags, source ratings, state-media labels and TLP:CLEAR exchange objects.</summary>
public sealed record PublicLookupResult
{
    public required string Query { get; init; }

    /// <summary><c>url</c> or <c>domain</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The normalized key form (ASCII, tracking parameters dropped for URLs).</summary>
    public required string Normalized { get; init; }
    public required string Display { get; init; }
    public required string Host { get; init; }
    public string? RegistrableDomain { get; init; }

    /// <summary>For a confusable host, its Latin look-alike.</summary>
    public string? Skeleton { get; init; }

    public required LookupFlags Flags { get; init; }
    public required IReadOnlyList<RatingView> Ratings { get; init; }
    public required IReadOnlyList<StateMediaView> StateMedia { get; init; }
    public required IReadOnlyList<ExchangeObjectView> ExchangeObjects { get; init; }

    /// <summary>Set when the source registry is not available; ratings and labels are then empty.</summary>
    public string? SourcesProblem { get; init; }
}

public sealed record LookupFlags(bool Shortener, bool Punycode, bool Confusable, bool MixedScript, bool IpHost, bool UnlistedSuffix, bool Defanged);

public sealed record RatingView(string Provider, double? Score, string? Label, DateOnly? RatedOn, string? Evidence, string MatchedOn)
{
    /// <summary>The ratings the registry answered, each with the host or path prefix it matched on.</summary>
    public static List<RatingView> From(SourceLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return [.. lookup.Ratings.Select(r => new RatingView(r.Provider, r.Score, r.Label, r.RatedOn, r.Evidence, lookup.RatingsMatchedOn ?? lookup.Host))];
    }
}

public sealed record StateMediaView(
    string Outlet, string Country, string StateBody, StateControl Control, string? Typology, string Provider, string? Evidence, string? Status, string MatchedOn)
{
    /// <summary>The state-media labels the registry answered, each with the host or path prefix it matched on.</summary>
    public static List<StateMediaView> From(SourceLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return [.. lookup.StateMedia.Select(l => new StateMediaView(
            l.Outlet, l.Country, l.StateBody, l.Control, l.Typology, l.Provider, l.Evidence, l.Status, lookup.StateMediaMatchedOn ?? lookup.Host))];
    }
}

/// <summary>A TLP:CLEAR object of a public collection that touches the value; <see cref="MatchedOn"/> is <c>url</c> or <c>domain</c>.</summary>
public sealed record ExchangeObjectView(string Id, string Type, string CollectionId, string DateAdded, string MatchedOn, JsonElement Object);
