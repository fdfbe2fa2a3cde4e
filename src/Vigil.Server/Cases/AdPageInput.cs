namespace Vigil.Server.Cases;

/// <summary>
/// The body of <c>POST /api/rest/cases/{id}/ad-pages</c>: an ad-library page the case names, by its publisher platform
/// (as the ad library writes it, such as <c>FACEBOOK</c> or <c>SNAPCHAT</c>) and page id, with a note.
/// </summary>
public sealed record AdPageInput(string? Platform, string? PageId, string? Note);
