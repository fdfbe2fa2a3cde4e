namespace Vigil.Storage.Objects;

/// <summary>A TAXII status-details entry: one object of the envelope.</summary>
public sealed record StatusDetail(string Id, string Version, string? Message = null);
