using Vigil.Correlation.Sources;

namespace Vigil.Server.Enrichment;

/// <summary>What one file gave: ratings or state-media labels, and the import summary (rows read, imported, skipped with line and field).</summary>
public sealed record SourceFileImport
{
    public required SourceFile File { get; init; }
    public IReadOnlyList<SourceRating> Ratings { get; init; } = [];
    public IReadOnlyList<StateMediaLabel> StateMedia { get; init; } = [];
    public required ImportSummary Summary { get; init; }

    /// <summary>Reads one file in the given format. A missing file or a missing required column throws; bad rows are issues in the summary.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A required column is missing, or a quoted field is never closed.</exception>
    /// <exception cref="InvalidDataException">A gzip file is corrupt.</exception>
    public static async Task<SourceFileImport> ReadAsync(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        switch (file.Format)
        {
            case SourceFormat.VigilRatings:
                var ratings = await SourceRatingsCsvImporter.ImportFileAsync(file.Path, cancellationToken).ConfigureAwait(false);
                return new SourceFileImport { File = file, Ratings = ratings.Items, Summary = ratings.Summary };
            case SourceFormat.DomainQualityRatings:
                var quality = await DomainQualityRatingsImporter.ImportFileAsync(file.Path, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new SourceFileImport { File = file, Ratings = quality.Items, Summary = quality.Summary };
            case SourceFormat.VigilStateMedia:
                var labels = await StateMediaCsvImporter.ImportFileAsync(file.Path, cancellationToken).ConfigureAwait(false);
                return new SourceFileImport { File = file, StateMedia = labels.Items, Summary = labels.Summary };
            case SourceFormat.StateMediaMatrix:
                var matrix = await StateMediaMatrixImporter.ImportFileAsync(file.Path, cancellationToken).ConfigureAwait(false);
                return new SourceFileImport { File = file, StateMedia = matrix.Items, Summary = matrix.Summary };
            default:
                throw new ArgumentOutOfRangeException(nameof(file), file.Format, "unknown source format");
        }
    }
}
