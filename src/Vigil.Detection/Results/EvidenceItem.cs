namespace Vigil.Detection.Results;

/// <summary>One co-action behind an edge: both accounts acted on <see cref="Item"/> at the given times.</summary>
public sealed record EvidenceItem
{
    public required string Signal { get; init; }
    public required string Item { get; init; }
    public required DateTimeOffset SourceTime { get; init; }
    public required DateTimeOffset TargetTime { get; init; }
    public string? SourceActivity { get; init; }
    public string? TargetActivity { get; init; }
}
