using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>An existing (or just planned) version of an object, as the write transaction sees it.</summary>
internal sealed class VersionRow
{
    public required long Seq { get; init; }
    public required string CollectionId { get; init; }
    public required string AuthorOrgId { get; init; }
    public required TlpLevel Tlp { get; init; }
    public required long VersionTicks { get; init; }
    public required bool Revoked { get; init; }
    public bool IsLatest { get; set; }

    /// <summary>The planned object when this row is written by the current envelope; null for stored rows.</summary>
    public PlannedObject? Pending { get; init; }
    public string[]? Principals { get; set; }
    public string? VersionText { get; set; }
}
