namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/requests</c>, and what the new-request form fills in.</summary>
public sealed record RequestInput
{
    public string? Kind { get; init; }
    public IReadOnlyList<string>? RecipientOrgIds { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string? Tlp { get; init; }
    public IReadOnlyList<string>? ObjectIds { get; init; }
    public string? Deadline { get; init; }
    public string? CaseId { get; init; }
}
