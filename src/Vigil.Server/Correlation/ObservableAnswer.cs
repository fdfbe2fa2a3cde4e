using Vigil.Storage.Correlation;

namespace Vigil.Server.Correlation;

/// <summary>
/// What the hub knows about one normalized value: its key, how it was read (display form, flags such as
/// <c>shortener</c> or <c>confusable</c>), the organizations that reported it and every visible object version touching it.
/// </summary>
public sealed record ObservableAnswer(
    string Key,
    string? Display,
    IReadOnlyList<string> Flags,
    string? Skeleton,
    IReadOnlyList<string> ReportedBy,
    string? FirstReported,
    string? LastReported,
    IReadOnlyList<CorrelationHit> Objects);
