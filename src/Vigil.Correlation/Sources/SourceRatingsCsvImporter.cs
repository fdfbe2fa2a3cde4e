using System.Globalization;

namespace Vigil.Correlation.Sources;

/// <summary>
/// Imports ratings in Vigil's own CSV format (see <c>Sources/README.md</c>): header row with the columns
/// <c>provider,domain,score,label,rated_on,evidence</c> in any order (extra columns ignored). <c>provider</c> and <c>domain</c>
/// are required; a row needs a <c>score</c> (0–1, '.' decimal point) or a <c>label</c>; <c>rated_on</c> is <c>yyyy-MM-dd</c>;
/// <c>evidence</c> is an http(s) URL. <c>domain</c> may be a URL or a domain with a path (<c>example.com/news</c>), which limits
/// the rating to that part of the site. A bad row is skipped and reported with its line and field; the import continues.
/// </summary>
public static class SourceRatingsCsvImporter
{
    public static IReadOnlyList<string> Columns { get; } = ["provider", "domain", "score", "label", "rated_on", "evidence"];

    public static async Task<ImportResult<SourceRating>> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = CsvSource.Open(path);
        return await ImportAsync(reader, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
    }

    public static Task<ImportResult<SourceRating>> ImportAsync(TextReader reader, string sourceName, CancellationToken cancellationToken = default) =>
        CsvImportLoop.RunAsync(reader, sourceName, ["provider", "domain"], Parse, cancellationToken);

    private static SourceRating? Parse(CsvHeader header, CsvRecord record, List<ImportIssue> issues)
    {
        var provider = header.Get(record, "provider");
        if (provider.Length == 0)
        {
            issues.Add(new ImportIssue(record.Line, "provider", "the provider is empty"));
            return null;
        }

        if (!RowParsing.TryHost(header.Get(record, "domain"), record.Line, "domain", issues, out var host, out var pathPrefix))
        {
            return null;
        }

        double? score = null;
        var scoreText = header.Get(record, "score");
        if (scoreText.Length > 0)
        {
            if (!RowParsing.TryUnitScore(scoreText, record.Line, "score", issues, out var value))
            {
                return null;
            }

            score = value;
        }

        var label = header.Get(record, "label");
        if (score is null && label.Length == 0)
        {
            issues.Add(new ImportIssue(record.Line, "score", "neither a score nor a label is given"));
            return null;
        }

        DateOnly? ratedOn = null;
        var dateText = header.Get(record, "rated_on");
        if (dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                issues.Add(new ImportIssue(record.Line, "rated_on", $"'{dateText}' is not a date in the form yyyy-MM-dd"));
                return null;
            }

            ratedOn = date;
        }

        var evidence = header.Get(record, "evidence");
        if (evidence.Length > 0 && !RowParsing.IsWebUrl(evidence))
        {
            issues.Add(new ImportIssue(record.Line, "evidence", $"'{evidence}' is not an http(s) URL"));
            return null;
        }

        return new SourceRating
        {
            Provider = provider,
            Host = host,
            PathPrefix = pathPrefix,
            Score = score,
            Label = label.Length > 0 ? label : null,
            RatedOn = ratedOn,
            Evidence = evidence.Length > 0 ? evidence : null,
        };
    }

    internal static bool IsBlank(CsvRecord record)
    {
        foreach (var field in record.Fields)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                return false;
            }
        }

        return true;
    }

    internal static ImportSummary Summary(string source, int rows, int imported, List<ImportIssue> issues) =>
        new() { Source = source, RowsRead = rows, Imported = imported, Skipped = rows - imported, Issues = issues };
}
