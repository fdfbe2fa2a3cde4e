namespace Vigil.Storage.Correlation;

/// <summary>A campaign or intrusion set related to an object by a relationship the reader may see.</summary>
public sealed record CampaignLink(string Id, string Type, string? Name);
