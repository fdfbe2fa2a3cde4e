namespace Vigil.Detection.Synthetic;

/// <summary>A coordinated network to plant: its size, style and number of coordinated actions.</summary>
public sealed record PlantedNetwork(int Size, NetworkStyle Style, int Actions = 30);
