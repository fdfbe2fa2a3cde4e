namespace Vigil.Storage.Disclosures;

/// <summary>A published disclosure as the public sees it. Lists leave <see cref="Objects"/> empty; the dataset is read on its own.</summary>
public sealed record Disclosure
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required string OrgId { get; init; }
    public required string Title { get; init; }
    public required string Narrative { get; init; }
    public string? Actor { get; init; }
    public required DisclosureCounts Counts { get; init; }
    public DateOnly? ActivityFrom { get; init; }
    public DateOnly? ActivityTo { get; init; }
    public required IReadOnlyList<string> Samples { get; init; }
    public required bool IdentifiersPublic { get; init; }
    public required long DatasetAccounts { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public IReadOnlyList<DisclosedObject> Objects { get; init; } = [];
}
