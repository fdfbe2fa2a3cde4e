using Vigil.Core.Patterning;
using Vigil.Core.Sharing;

namespace Vigil.Server.Enrichment;

/// <summary>An indicator version that takes part in matching: latest visible version, not revoked, STIX pattern parsed.</summary>
public sealed record ActiveIndicator
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string PatternText { get; init; }
    public required StixPattern Pattern { get; init; }
    public required string CollectionId { get; init; }
    public required TlpLevel Tlp { get; init; }
    public required string AuthorOrg { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public required long Seq { get; init; }
}
