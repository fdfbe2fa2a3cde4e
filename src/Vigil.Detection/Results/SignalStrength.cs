namespace Vigil.Detection.Results;

/// <summary>How much one signal contributes to a cluster.</summary>
public sealed record SignalStrength
{
    public required string Signal { get; init; }
    public required int Edges { get; init; }
    public required int CoActions { get; init; }
    public required double MaxStrength { get; init; }
}
