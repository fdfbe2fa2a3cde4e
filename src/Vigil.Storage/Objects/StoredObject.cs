using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>One stored object version. <see cref="Json"/> is the text as it was posted; null when the query asked for metadata only.</summary>
public sealed record StoredObject
{
    public required long Seq { get; init; }
    public required string CollectionId { get; init; }
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string SpecVersion { get; init; }
    public required string Version { get; init; }
    public required TlpLevel Tlp { get; init; }
    public required string AuthorOrgId { get; init; }
    public required bool Revoked { get; init; }
    public string? Json { get; init; }

    public string DateAdded => Objects.DateAdded.Format(Seq);

    public string MediaType => "application/stix+json;version=" + SpecVersion;
}
