using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>GET /api/rest/cases/{id}</c>: the case, the statuses it may move to, its timeline, comments, attachments, the ad-library pages it names and the requests about it the caller sent or received.</summary>
public sealed record CaseDetail(
    CaseRecord Case,
    IReadOnlyList<CaseStatus> NextStatuses,
    IReadOnlyList<CaseEvent> Timeline,
    IReadOnlyList<CaseComment> Comments,
    IReadOnlyList<CaseAttachment> Attachments,
    IReadOnlyList<MemberRequest> Requests,
    IReadOnlyList<CaseAdPage> AdPages);
