using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>An object of an envelope with its audience decided, ready for the write transaction.</summary>
internal sealed record PlannedObject
{
    public required int Index { get; init; }
    public required ObjectSubmission Submission { get; init; }
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string SpecVersion { get; init; }

    /// <summary>The version text and ticks, or null when the object has no timestamps and date_added names its version.</summary>
    public string? Version { get; init; }
    public long? VersionTicks { get; init; }
    public required TlpLevel Tlp { get; init; }
    public required string[] Principals { get; init; }
    public required string AuthorOrgId { get; init; }

    /// <summary>True when <c>created_by_ref</c> names another member organization: only an unchanged re-share is allowed.</summary>
    public required bool IsReshare { get; init; }
    public required bool Revoked { get; init; }
}
