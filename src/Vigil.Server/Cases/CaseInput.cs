namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/cases</c>, and what the new-case form fills in. Enum values are kebab-case names.</summary>
public sealed record CaseInput
{
    public string? Title { get; init; }
    public string? Type { get; init; }
    public string? Severity { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<JurisdictionInput>? Jurisdictions { get; init; }
    public IReadOnlyList<string>? AffectedDates { get; init; }
    public IReadOnlyList<string>? ElectionIds { get; init; }
    public IReadOnlyList<string>? PartyOrgIds { get; init; }
}
