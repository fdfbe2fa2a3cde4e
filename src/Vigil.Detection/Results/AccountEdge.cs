namespace Vigil.Detection.Results;

/// <summary>
/// A kept edge: <see cref="Weight"/> is the number of co-actions over the significant signals,
/// <see cref="Strength"/> the largest −log10 p-value among them (CooRTweet mode: 0).
/// </summary>
public sealed record AccountEdge
{
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required int Weight { get; init; }
    public required double Strength { get; init; }
    public required IReadOnlyDictionary<string, int> Signals { get; init; }
}
