namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/cases/{id}/status</c>: the new status and, optionally, the status the caller expects the case to be in.</summary>
public sealed record StatusInput(string? Status, string? Expected = null);
