namespace Vigil.Storage.Cases;

/// <summary>An advertiser's page in the ad library (platform and page id) that a case names, for example a front group of an influence operation.</summary>
public sealed record CaseAdPage(string CaseId, string Platform, string PageId, string OrgId, string? UserId, string Note, DateTimeOffset AddedAt);
