namespace Vigil.Storage.Cases;

/// <summary>The user a party organization put on a case (one per organization).</summary>
public sealed record CaseAssignee(string OrgId, string UserId, DateTimeOffset AssignedAt);
