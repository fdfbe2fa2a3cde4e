using System.Text.Json.Nodes;

namespace Vigil.Server.Privacy;

/// <summary>
/// What a request, a response, a case comment or a case attachment carries from one organization to others: free text by
/// field, STIX objects by field, the content class the sender declares for the text, and the legal process it cites (the
/// <c>x_vigil_legal_process</c> form). <see cref="SubjectId"/> names the flow in the transparency log when it is refused.
/// </summary>
public sealed record MessageFlow
{
    public required string SubjectId { get; init; }
    public required IReadOnlyList<string> ToOrgIds { get; init; }
    public IReadOnlyList<(string Field, string Text)> Texts { get; init; } = [];
    public IReadOnlyList<(string Field, string ObjectId)> Objects { get; init; } = [];
    public string? ContentClass { get; init; }
    public JsonObject? LegalProcess { get; init; }

    /// <summary>Legal process already on record for the exchange (a response is covered by what its request cited); <see cref="LegalProcess"/> wins.</summary>
    public Vigil.Core.Privacy.LegalProcessReference? StandingLegalProcess { get; init; }
}
