using System.Text.Json.Nodes;

namespace Vigil.Server.Cases;

/// <summary>
/// The body of <c>POST /api/rest/cases/{id}/attachments</c>: a STIX object id the caller may see, a note, and the legal process
/// the attachment cites when the object's content class needs one to reach the case's other parties.
/// </summary>
public sealed record AttachInput(string? ObjectId, string? Note)
{
    public JsonObject? LegalProcess { get; init; }
}
