namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/cases/{id}/assignee</c>: a user of the caller's own organization.</summary>
public sealed record AssignInput(string? UserName);
