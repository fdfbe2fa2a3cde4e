namespace Vigil.Core.Events;

/// <summary>
/// A platform published a takedown disclosure from a case (<see cref="HubEventKinds.DisclosurePublished"/>): identifiers,
/// the dataset's size and whether its identifiers are public, never the disclosure's text.
/// </summary>
public sealed record DisclosureEvent(string DisclosureId, string CaseId, string OrgId, long DatasetAccounts, bool IdentifiersPublic, int ObjectCount,
    DateTimeOffset At)
{
    /// <summary>The STIX ids of the objects the disclosure made public.</summary>
    public IReadOnlyList<string> ObjectIds { get; init; } = [];
}
