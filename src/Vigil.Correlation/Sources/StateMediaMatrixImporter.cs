using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Sources;

/// <summary>
/// Imports the Alliance for Securing Democracy's state media matrix (<c>State_Media_Matrix.csv</c>), read as published: one
/// label per row with a URL, host taken from <c>URL</c> (scheme added when missing, lowercased, leading <c>www.</c> dropped;
/// the path is ignored because it names a landing page, not a section). Typology codes map to <see cref="StateControl"/>:
/// SC, CaPu, CaPr → state-controlled; ISFM (also "ISFM?"), ISF, ISM → state-funded, editorially independent; IP → public.
/// Rows without a URL cannot be matched by domain and are skipped with an issue, as are rows with an unknown typology.
/// The social-media link columns become <see cref="StateMediaLabel.Accounts"/> (see <see cref="ProfileUrls"/>).
/// Credit: ASD (MIT licence) and the State Media Monitor (Media and Journalism Research Center).
/// </summary>
public static class StateMediaMatrixImporter
{
    public const string Provider = "ASD state media profiles / State Media Monitor";
    public const string Evidence = "https://statemediamonitor.com";

    /// <summary>Link columns read as the outlet's accounts; a link that is not a recognizable profile URL is ignored.</summary>
    public static IReadOnlyList<string> AccountColumns { get; } =
    [
        "Instagram Link", "Twitter Link", "Facebook Link", "Youtube Link", "Telegram Link", "VK Link", "Linkedin link", "Ok.ru link",
        "Tiktok Link", "Rutube Link",
    ];

    public static async Task<ImportResult<StateMediaLabel>> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = CsvSource.Open(path);
        return await ImportAsync(reader, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
    }

    public static Task<ImportResult<StateMediaLabel>> ImportAsync(TextReader reader, string sourceName, CancellationToken cancellationToken = default) =>
        CsvImportLoop.RunAsync(reader, sourceName, ["Country", "Media company", "Main assets", "URL", "Typology"], ParseRow, cancellationToken);

    private static StateMediaLabel? ParseRow(CsvHeader header, CsvRecord record, List<ImportIssue> issues)
    {

        var url = header.Get(record, "URL");
        if (url.Length == 0)
        {
            issues.Add(new ImportIssue(record.Line, "URL", "no URL, so the outlet cannot be matched by domain"));
            return null;
        }

        if (!RowParsing.TryHost(url, record.Line, "URL", issues, out var host, out _))
        {
            return null;
        }

        var typology = header.Get(record, "Typology");
        var control = Control(typology);
        if (control == StateControl.Unknown)
        {
            issues.Add(new ImportIssue(record.Line, "Typology", $"'{typology}' is not a State Media Monitor code (SC, CaPu, CaPr, ISFM, ISF, ISM, IP)"));
            return null;
        }

        var country = header.Get(record, "Country");
        var outlet = header.Get(record, "Main assets");
        if (country.Length == 0 || outlet.Length == 0)
        {
            issues.Add(new ImportIssue(record.Line, country.Length == 0 ? "Country" : "Main assets", "the field is empty"));
            return null;
        }

        var status = header.Get(record, "Status");
        var accounts = new List<ObservableKey>();
        foreach (var column in AccountColumns)
        {
            var link = header.Get(record, column);
            if (link.Length > 0 && SourceHost.TryParse(link.Contains("://", StringComparison.Ordinal) ? link : "https://" + link, out var linkHost, out var linkPath, out _))
            {
                var query = link.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? link[(q + 1)..] : null;
                if (ProfileUrls.TryGetAccount(linkHost, linkPath, query, out var account) && !accounts.Contains(account))
                {
                    accounts.Add(account);
                }
            }
        }

        return new StateMediaLabel
        {
            Host = host,
            Outlet = outlet,
            Country = country,
            StateBody = header.Get(record, "Media company"),
            Control = control,
            Typology = typology,
            Provider = Provider,
            Evidence = Evidence,
            Status = status.Length > 0 ? status : null,
            Accounts = accounts,
        };
    }

    public static StateControl Control(string typology) => typology.TrimEnd('?') switch
    {
        "SC" or "CaPu" or "CaPr" => StateControl.StateControlled,
        "ISFM" or "ISF" or "ISM" => StateControl.StateFundedIndependent,
        "IP" => StateControl.PublicIndependent,
        _ => StateControl.Unknown,
    };
}
