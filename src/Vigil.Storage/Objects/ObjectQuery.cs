using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>
/// What a read asks for. Every read path (TAXII objects, object by id, versions, manifest, REST search) is one
/// of these, turned into SQL by <see cref="PolicyQueryBuilder"/> together with the reader's sharing policy.
/// </summary>
public sealed record ObjectQuery
{
    public required Reader Reader { get; init; }

    /// <summary>The collections searched; the caller has already checked that the reader may read each.</summary>
    public required IReadOnlyList<string> CollectionIds { get; init; }

    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> SpecVersions { get; init; } = [];
    public VersionMatch Versions { get; init; } = VersionMatch.Last;

    /// <summary>Only versions added strictly after this date_added (microseconds, see <see cref="DateAdded"/>).</summary>
    public long? AddedAfter { get; init; }

    /// <summary>Opaque continuation from a previous page's <see cref="ObjectPage.Next"/>.</summary>
    public string? Next { get; init; }

    public int Limit { get; init; } = 100;

    /// <summary>False for manifests and version lists: the JSON text is not read.</summary>
    public bool IncludeJson { get; init; } = true;

    // Search filters used by the REST API.
    public IReadOnlyList<string> AuthorOrgIds { get; init; } = [];
    public IReadOnlyList<TlpLevel> TlpLevels { get; init; } = [];

    /// <summary>Case-insensitive substring of the object's JSON text (names, descriptions, labels, values).</summary>
    public string? Text { get; init; }

    /// <summary>Version timestamp range (ticks of modified/created), inclusive.</summary>
    public long? VersionFromTicks { get; init; }
    public long? VersionToTicks { get; init; }

    public bool? Revoked { get; init; }

    /// <summary>The newest <see cref="Limit"/> versions, newest first, instead of a page in seq order; no continuation.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>Counts stop here: a count above it reads as "more than <see cref="CountAtMost"/>" without scanning everything.</summary>
    public long? CountAtMost { get; init; }
}
