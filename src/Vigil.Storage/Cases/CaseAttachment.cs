namespace Vigil.Storage.Cases;

/// <summary>A STIX object attached to a case by a party that could see it when attaching.</summary>
public sealed record CaseAttachment(string CaseId, string ObjectId, string OrgId, string? UserId, string Note, DateTimeOffset AttachedAt);
