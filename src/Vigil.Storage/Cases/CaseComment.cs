using Vigil.Core.Sharing;

namespace Vigil.Storage.Cases;

/// <summary>A comment on a case, with the TLP marking its author gave it (how far the parties may pass it on).</summary>
public sealed record CaseComment(long Seq, string CaseId, string OrgId, string? UserId, string Body, TlpLevel Tlp, DateTimeOffset CreatedAt);
