namespace Vigil.Correlation.Sources;

/// <summary>The records an import produced and its summary.</summary>
public sealed record ImportResult<T>(IReadOnlyList<T> Items, ImportSummary Summary);
