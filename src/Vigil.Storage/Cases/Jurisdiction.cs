namespace Vigil.Storage.Cases;

/// <summary>A place a case affects: an ISO 3166-1 alpha-2 country and, optionally, a state or region within it.</summary>
public sealed record Jurisdiction(string Country, string? State = null);
