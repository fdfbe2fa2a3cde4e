namespace Vigil.Storage.Cases;

/// <summary>What a member gives to open a case. The opening organization is always a party; <see cref="PartyOrgIds"/> adds others.</summary>
public sealed record NewCase
{
    public required string Title { get; init; }
    public required CaseType Type { get; init; }
    public required CaseSeverity Severity { get; init; }
    public string Summary { get; init; } = string.Empty;
    public IReadOnlyList<Jurisdiction> Jurisdictions { get; init; } = [];
    public IReadOnlyList<DateOnly> AffectedDates { get; init; } = [];
    public IReadOnlyList<string> ElectionIds { get; init; } = [];
    public IReadOnlyList<string> PartyOrgIds { get; init; } = [];
}
