namespace Vigil.Correlation.Sources;

/// <summary>One CSV record: its fields and the line number (1-based) where it starts.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
