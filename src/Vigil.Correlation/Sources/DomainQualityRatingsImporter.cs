namespace Vigil.Correlation.Sources;

/// <summary>
/// Imports the aggregate news-domain quality ratings of Lin et al. (2023), "High level of correspondence across different news
/// domain quality rating sets", PNAS Nexus 2(9) pgad286 (<c>domain_ratings.csv</c>, plain or gzip), read as published.
/// Each row gives one rating from <see cref="AggregateProvider"/>: score = <c>pc1</c>, label = the band
/// min(5, floor(pc1 × 5) + 1) ("1 very low" … "5 high"). A row with <c>misinfome_bin</c> = 0 also gives a label from
/// <see cref="IffyProvider"/> ("listed as unreliable"). The per-provider columns are imputed by the authors and are not imported.
/// The file has no per-row date: every rating is stamped with <paramref name="snapshot"/> (default: the September 2023 publication).
/// </summary>
public static class DomainQualityRatingsImporter
{
    public const string AggregateProvider = "Lin et al. 2023 aggregate (pc1)";
    public const string IffyProvider = "Iffy index (via Lin et al. 2023)";
    public const string Evidence = "https://doi.org/10.1093/pnasnexus/pgad286";

    public static readonly DateOnly DefaultSnapshot = new(2023, 9, 1);

    public static async Task<ImportResult<SourceRating>> ImportFileAsync(string path, DateOnly? snapshot = null, CancellationToken cancellationToken = default)
    {
        using var reader = CsvSource.Open(path);
        return await ImportAsync(reader, Path.GetFileName(path), snapshot, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ImportResult<SourceRating>> ImportAsync(TextReader reader, string sourceName, DateOnly? snapshot = null, CancellationToken cancellationToken = default)
    {
        var date = snapshot ?? DefaultSnapshot;
        var items = new List<SourceRating>();
        var issues = new List<ImportIssue>();
        var rows = 0;
        var imported = 0;
        CsvHeader? header = null;
        await foreach (var record in CsvReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            if (header is null)
            {
                header = new CsvHeader(record);
                header.Require(sourceName, "domain", "pc1", "misinfome_bin");
                continue;
            }

            rows++;
            if (SourceRatingsCsvImporter.IsBlank(record))
            {
                issues.Add(new ImportIssue(record.Line, "*", "empty row"));
                continue;
            }

            if (!RowParsing.TryHost(header.Get(record, "domain"), record.Line, "domain", issues, out var host, out var pathPrefix)
                || !RowParsing.TryUnitScore(header.Get(record, "pc1"), record.Line, "pc1", issues, out var pc1))
            {
                continue;
            }

            var iffy = header.Get(record, "misinfome_bin");
            if (iffy is not ("0" or "1"))
            {
                issues.Add(new ImportIssue(record.Line, "misinfome_bin", $"'{iffy}' is not 0 or 1"));
                continue;
            }

            items.Add(new SourceRating
            {
                Provider = AggregateProvider,
                Host = host,
                PathPrefix = pathPrefix,
                Score = pc1,
                Label = Band(pc1),
                RatedOn = date,
                Evidence = Evidence,
            });
            if (iffy == "0")
            {
                items.Add(new SourceRating
                {
                    Provider = IffyProvider,
                    Host = host,
                    PathPrefix = pathPrefix,
                    Label = "listed as unreliable",
                    RatedOn = date,
                    Evidence = Evidence,
                });
            }

            imported++;
        }

        return new ImportResult<SourceRating>(items, SourceRatingsCsvImporter.Summary(sourceName, rows, imported, issues));
    }

    /// <summary>The five-step band of a 0–1 score: 1 very low, 2 low, 3 mixed, 4 generally reliable, 5 high.</summary>
    public static string Band(double score) => Math.Min(5, (int)Math.Floor(score * 5) + 1) switch
    {
        1 => "1 very low",
        2 => "2 low",
        3 => "3 mixed",
        4 => "4 generally reliable",
        _ => "5 high",
    };

}
