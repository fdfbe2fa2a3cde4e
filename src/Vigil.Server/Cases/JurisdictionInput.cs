namespace Vigil.Server.Cases;

/// <summary>A country (ISO 3166-1 alpha-2) and optionally a state or region.</summary>
public sealed record JurisdictionInput(string? Country, string? State);
