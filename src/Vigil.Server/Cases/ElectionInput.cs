namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/elections</c>.</summary>
public sealed record ElectionInput(string? Name, string? Country, string? Region, string? Date);
