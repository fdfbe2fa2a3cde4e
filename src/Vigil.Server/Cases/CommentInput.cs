namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/cases/{id}/comments</c>: the text and its TLP marking (clear, green, amber, amber-strict, red).</summary>
public sealed record CommentInput(string? Body, string? Tlp);
