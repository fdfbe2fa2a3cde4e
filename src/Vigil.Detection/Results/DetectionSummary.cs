namespace Vigil.Detection.Results;

/// <summary>
/// The headline counts. <see cref="Accounts"/> are the accounts in the coordination network (with
/// at least one kept edge); <see cref="InputAccounts"/> all accounts read.
/// </summary>
public sealed record DetectionSummary
{
    public required long Activities { get; init; }
    public required int Accounts { get; init; }
    public required int Edges { get; init; }
    public required int Components { get; init; }
    public required int Clusters { get; init; }
    public required int InputAccounts { get; init; }
}
