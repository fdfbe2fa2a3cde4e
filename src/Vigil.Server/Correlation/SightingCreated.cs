using System.Text.Json.Nodes;

namespace Vigil.Server.Correlation;

/// <summary>The stored sighting and the collection it went to.</summary>
public sealed record SightingCreated(string Id, string CollectionId, JsonObject Sighting);
