using Vigil.Core.Privacy;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Cases;

/// <summary>What a member sends: to whom, what it asks, the data (text and STIX object ids) under one TLP marking, and by when.</summary>
public sealed record NewMemberRequest
{
    public required RequestKind Kind { get; init; }
    public required IReadOnlyList<string> RecipientOrgIds { get; init; }
    public required string Subject { get; init; }
    public string Body { get; init; } = string.Empty;
    public TlpLevel Tlp { get; init; } = TlpLevel.Amber;
    public IReadOnlyList<string> ObjectIds { get; init; } = [];
    public DateTimeOffset? Deadline { get; init; }
    public string? CaseId { get; init; }

    /// <summary>The legal process the request cites; its recipients see it with the request.</summary>
    public LegalProcessReference? LegalProcess { get; init; }
}
