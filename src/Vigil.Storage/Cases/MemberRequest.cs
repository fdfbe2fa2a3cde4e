using Vigil.Core.Privacy;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Cases;

/// <summary>A request as its sender and recipients see it, with who has responded so far.</summary>
public sealed record MemberRequest
{
    public required string Id { get; init; }
    public required string FromOrg { get; init; }
    public string? FromUser { get; init; }
    public required RequestKind Kind { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public required TlpLevel Tlp { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public required RequestStatus Status { get; init; }
    public string? CaseId { get; init; }

    /// <summary>The legal process the request cites; its recipients see it with the request.</summary>
    public LegalProcessReference? LegalProcess { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<RequestRecipient> Recipients { get; init; } = [];
    public IReadOnlyList<string> ObjectIds { get; init; } = [];
}
