namespace Vigil.Correlation.Sources;

/// <summary>What an import did: rows read, imported and skipped, and an issue for each skipped or doubtful row.</summary>
public sealed record ImportSummary
{
    public required string Source { get; init; }
    public required int RowsRead { get; init; }
    public required int Imported { get; init; }
    public required int Skipped { get; init; }
    public required IReadOnlyList<ImportIssue> Issues { get; init; }

    public override string ToString() =>
        $"{Source}: {RowsRead} rows read, {Imported} imported, {Skipped} skipped, {Issues.Count} issues";
}
