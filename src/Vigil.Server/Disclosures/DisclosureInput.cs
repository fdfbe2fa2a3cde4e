namespace Vigil.Server.Disclosures;

/// <summary>
/// <c>POST /api/rest/cases/{id}/disclosures</c>: the public text, the counts, sample content, the account dataset (hashed
/// unless <see cref="IdentifiersPublic"/>), STIX objects to publish and, in <see cref="ConfirmClear"/>, the objects marked
/// above TLP:CLEAR that the publisher agrees to re-mark TLP:CLEAR. Dates are yyyy-MM-dd.
/// </summary>
public sealed record DisclosureInput
{
    public string? Title { get; init; }
    public string? Narrative { get; init; }
    public string? Actor { get; init; }
    public DisclosureCountsInput? Counts { get; init; }
    public string? ActivityFrom { get; init; }
    public string? ActivityTo { get; init; }
    public IReadOnlyList<string>? Samples { get; init; }
    public IReadOnlyList<DisclosureAccountInput>? Dataset { get; init; }
    public bool IdentifiersPublic { get; init; }
    public IReadOnlyList<string>? ObjectIds { get; init; }
    public IReadOnlyList<string>? ConfirmClear { get; init; }
}
