using Vigil.Core.Sharing;

namespace Vigil.Storage.Correlation;

/// <summary>A visible object version touching a value: who shared it, when, and the context the reader may also see.</summary>
public sealed record CorrelationHit
{
    public required string ObjectId { get; init; }
    public required string Type { get; init; }
    public required string Version { get; init; }
    public required string CollectionId { get; init; }
    public required string AuthorOrgId { get; init; }
    public required TlpLevel Tlp { get; init; }
    public required long Seq { get; init; }
    public string DateAdded => Objects.DateAdded.Format(Seq);
    public IReadOnlyList<CampaignLink> Campaigns { get; init; } = [];
    public SightingSummary Sightings { get; init; } = SightingSummary.None;
}
