namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/requests</c>, and what the new-request form fills in.</summary>
public sealed record RequestInput
{
    public string? Kind { get; init; }
    public IReadOnlyList<string>? RecipientOrgIds { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string? Tlp { get; init; }
    public IReadOnlyList<string>? ObjectIds { get; init; }
    public string? Deadline { get; init; }
    public string? CaseId { get; init; }

    /// <summary>The content class of the subject and body when the sender knows it (<c>x_vigil_content_class</c> values).</summary>
    public string? ContentClass { get; init; }

    /// <summary>The legal process the request cites: <c>{"type", "issuing_body", "number", "date"}</c> as on STIX objects.</summary>
    public System.Text.Json.Nodes.JsonObject? LegalProcess { get; init; }
}
