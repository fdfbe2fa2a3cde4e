namespace Vigil.Correlation.Sources;

/// <summary>
/// The row loop every CSV importer shares: the header row (with its required columns), blank rows reported and
/// skipped, one parsed item or none per row, and the summary. A row's parser adds its own issues.
/// </summary>
internal static class CsvImportLoop
{
    public static async Task<ImportResult<T>> RunAsync<T>(
        TextReader reader,
        string sourceName,
        string[] requiredColumns,
        Func<CsvHeader, CsvRecord, List<ImportIssue>, T?> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var items = new List<T>();
        var issues = new List<ImportIssue>();
        var rows = 0;
        CsvHeader? header = null;
        await foreach (var record in CsvReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            if (header is null)
            {
                header = new CsvHeader(record);
                header.Require(sourceName, requiredColumns);
                continue;
            }

            rows++;
            if (SourceRatingsCsvImporter.IsBlank(record))
            {
                issues.Add(new ImportIssue(record.Line, "*", "empty row"));
                continue;
            }

            if (parse(header, record, issues) is { } item)
            {
                items.Add(item);
            }
        }

        return new ImportResult<T>(items, SourceRatingsCsvImporter.Summary(sourceName, rows, items.Count, issues));
    }
}
