namespace Vigil.Storage.Cases;

/// <summary>A case as its parties see it: what it is, where it stands (and who moved it there, when), who is on it.</summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required CaseType Type { get; init; }
    public required CaseSeverity Severity { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<Jurisdiction> Jurisdictions { get; init; }
    public required IReadOnlyList<DateOnly> AffectedDates { get; init; }
    public required CaseStatus Status { get; init; }
    public required string StatusByOrg { get; init; }
    public string? StatusByUser { get; init; }
    public required DateTimeOffset StatusAt { get; init; }
    public required string CreatedByOrg { get; init; }
    public string? CreatedByUser { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<string> PartyOrgIds { get; init; } = [];
    public IReadOnlyList<CaseAssignee> Assignees { get; init; } = [];
    public IReadOnlyList<string> ElectionIds { get; init; } = [];
}
