using System.Text.Json;
using Vigil.Core.Sharing;

namespace Vigil.Server.Rest;

/// <summary>A collection as the REST API lists it.</summary>
public sealed record RestCollection(string Id, string ApiRoot, string Title, string? Description, TlpLevel DefaultTlp, bool CanWrite);

/// <summary>One stored object version with where it lives and who may see it.</summary>
public sealed record SearchHit(string CollectionId, string DateAdded, TlpLevel Tlp, string AuthorOrg, JsonElement Object);

/// <summary>A page of search results. <see cref="Next"/> continues after the last row examined; a page may hold fewer hits than the limit.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, bool More, string? Next);

/// <summary>An object with the relationships and sightings the caller may see that refer to it.</summary>
public sealed record ObjectWithContext(SearchHit Object, IReadOnlyList<SearchHit> Relationships, IReadOnlyList<SearchHit> Sightings)
{
    /// <summary>"Seen by N members, M times, first/last seen" over the sightings the caller may see.</summary>
    public Storage.Correlation.SightingSummary SightingSummary { get; init; } = Storage.Correlation.SightingSummary.None;

    /// <summary>Source-credibility ratings and state-affiliated-media labels of the URLs and domains the object touches.</summary>
    public IReadOnlyList<SourceLabels> Sources { get; init; } = [];
}

/// <summary>What the source registry says about one URL or domain an object touches.</summary>
public sealed record SourceLabels(string Value, IReadOnlyList<Enrichment.RatingView> Ratings, IReadOnlyList<Enrichment.StateMediaView> StateMedia);
