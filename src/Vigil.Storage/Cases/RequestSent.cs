namespace Vigil.Storage.Cases;

/// <summary>The stored request, or why nothing was stored: object ids the sender may not see, or a case it is not party to.</summary>
public sealed record RequestSent(MemberRequest? Request, IReadOnlyList<string> HiddenObjectIds, bool CaseNotFound);
