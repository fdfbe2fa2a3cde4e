namespace Vigil.Detection.Graph;

/// <summary>An undirected edge between accounts <see cref="A"/> &lt; <see cref="B"/> (dense account numbers).</summary>
public readonly record struct WeightedEdge(int A, int B, double Weight);
