namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/cases/{id}/parties</c>: the member organization to bring into the case.</summary>
public sealed record PartyInput(string? OrgId);
