using System.Text.Json.Nodes;

namespace Vigil.Server.Cases;

/// <summary>
/// The body of <c>POST /api/rest/cases/{id}/comments</c>: the text and its TLP marking (clear, green, amber, amber-strict, red),
/// with the text's content class and the legal process it cites when the data-minimization policy asks for them.
/// </summary>
public sealed record CommentInput(string? Body, string? Tlp)
{
    public string? ContentClass { get; init; }
    public JsonObject? LegalProcess { get; init; }
}
