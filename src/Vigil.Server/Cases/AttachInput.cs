namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/cases/{id}/attachments</c>: a STIX object id the caller may see, and a note.</summary>
public sealed record AttachInput(string? ObjectId, string? Note);
