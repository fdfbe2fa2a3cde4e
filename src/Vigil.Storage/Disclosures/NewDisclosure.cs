namespace Vigil.Storage.Disclosures;

/// <summary>
/// A disclosure as the publisher sends it. Accounts carry their raw identifiers; unless <see cref="IdentifiersPublic"/>
/// the store hashes them before writing. <see cref="ConfirmedClearObjectIds"/> are the objects marked above TLP:CLEAR
/// that the publisher explicitly agreed to re-mark TLP:CLEAR.
/// </summary>
public sealed record NewDisclosure
{
    public required string Title { get; init; }
    public required string Narrative { get; init; }
    public string? Actor { get; init; }
    public required DisclosureCounts Counts { get; init; }
    public DateOnly? ActivityFrom { get; init; }
    public DateOnly? ActivityTo { get; init; }
    public IReadOnlyList<string> Samples { get; init; } = [];
    public IReadOnlyList<DisclosedAccount> Accounts { get; init; } = [];
    public bool IdentifiersPublic { get; init; }
    public IReadOnlyList<string> ObjectIds { get; init; } = [];
    public IReadOnlyList<string> ConfirmedClearObjectIds { get; init; } = [];
}
