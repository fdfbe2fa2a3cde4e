namespace Vigil.Storage.Cases;

/// <summary>One entry of a case's timeline: who did what, when. <see cref="Detail"/> is a short readable description.</summary>
public sealed record CaseEvent(long Seq, string CaseId, DateTimeOffset At, string OrgId, string? UserId, string Kind, string Detail);
