namespace Vigil.Correlation.Sources;

/// <summary>
/// Imports state-media labels in Vigil's own CSV format (see <c>Sources/README.md</c>): header with
/// <c>provider,domain,outlet,country,state_body,control,evidence</c> in any order. <c>control</c> is one of
/// <c>state-controlled</c>, <c>state-funded-independent</c>, <c>public-independent</c>. All but <c>evidence</c> are required.
/// </summary>
public static class StateMediaCsvImporter
{
    public static IReadOnlyList<string> Columns { get; } = ["provider", "domain", "outlet", "country", "state_body", "control", "evidence"];

    public static async Task<ImportResult<StateMediaLabel>> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = CsvSource.Open(path);
        return await ImportAsync(reader, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
    }

    public static Task<ImportResult<StateMediaLabel>> ImportAsync(TextReader reader, string sourceName, CancellationToken cancellationToken = default) =>
        CsvImportLoop.RunAsync(reader, sourceName, ["provider", "domain", "outlet", "country", "state_body", "control"], ParseRow, cancellationToken);

    private static StateMediaLabel? ParseRow(CsvHeader header, CsvRecord record, List<ImportIssue> issues)
    {

        if (!RowParsing.TryHost(header.Get(record, "domain"), record.Line, "domain", issues, out var host, out var pathPrefix))
        {
            return null;
        }

        var missing = Array.Find(["provider", "outlet", "country", "state_body"], name => header.Get(record, name).Length == 0);
        if (missing is not null)
        {
            issues.Add(new ImportIssue(record.Line, missing, "the field is empty"));
            return null;
        }

        var controlText = header.Get(record, "control");
        StateControl? control = controlText switch
        {
            "state-controlled" => StateControl.StateControlled,
            "state-funded-independent" => StateControl.StateFundedIndependent,
            "public-independent" => StateControl.PublicIndependent,
            _ => null,
        };
        if (control is null)
        {
            issues.Add(new ImportIssue(record.Line, "control", $"'{controlText}' is not state-controlled, state-funded-independent or public-independent"));
            return null;
        }

        var evidence = header.Get(record, "evidence");
        if (evidence.Length > 0 && !RowParsing.IsWebUrl(evidence))
        {
            issues.Add(new ImportIssue(record.Line, "evidence", $"'{evidence}' is not an http(s) URL"));
            return null;
        }

        return new StateMediaLabel
        {
            Host = host,
            PathPrefix = pathPrefix,
            Outlet = header.Get(record, "outlet"),
            Country = header.Get(record, "country"),
            StateBody = header.Get(record, "state_body"),
            Control = control.Value,
            Provider = header.Get(record, "provider"),
            Evidence = evidence.Length > 0 ? evidence : null,
        };
    }
}
