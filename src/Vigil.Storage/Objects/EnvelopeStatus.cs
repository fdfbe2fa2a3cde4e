namespace Vigil.Storage.Objects;

/// <summary>A TAXII status resource, kept in the database so <c>GET …/status/{id}/</c> answers after a restart.</summary>
public sealed record EnvelopeStatus
{
    public required string Id { get; init; }
    public required string CollectionId { get; init; }
    public required string OrgId { get; init; }
    public string Status { get; init; } = "complete";
    public required string RequestTimestamp { get; init; }
    public IReadOnlyList<StatusDetail> Successes { get; init; } = [];
    public IReadOnlyList<StatusDetail> Failures { get; init; } = [];
    public IReadOnlyList<StatusDetail> Pendings { get; init; } = [];

    public int TotalCount => Successes.Count + Failures.Count + Pendings.Count;
}
