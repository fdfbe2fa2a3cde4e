using Microsoft.Extensions.Logging;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Correlation.Sources;

namespace Vigil.Server.Enrichment;

/// <summary>
/// The hub's source registry and observable normalizer, loaded once at startup (<see cref="SourceLoadingService"/>).
/// A file that cannot be read is logged and left out; the rest still load. Without the Public Suffix List nothing can be
/// normalized, and <see cref="Problem"/> says so.
/// </summary>
public sealed class EnrichmentSources(SourceFilesOptions options, ILogger<EnrichmentSources> logger)
{
    private volatile State? _state;

    public SourceFilesOptions Options => options;

    /// <summary>The registry; empty until loading finished.</summary>
    public SourceRegistry? Registry => _state?.Registry;

    public ObservableNormalizer? Normalizer => _state?.Normalizer;

    public IReadOnlyList<ImportSummary> Summaries => _state?.Summaries ?? [];

    /// <summary>Why lookups cannot be answered (no Public Suffix List), or null.</summary>
    public string? Problem => _state is null ? "the source registry has not been loaded yet" : _state.Problem;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        PublicSuffixList suffixes;
        try
        {
            suffixes = options.PublicSuffixList is { } path ? PublicSuffixList.Load(path) : PublicSuffixList.LoadDebian();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            logger.LogError("Source registry not loaded: {Reason}", e.Message);
            _state = new State(null, null, [], e.Message);
            return;
        }

        var builder = new SourceRegistryBuilder(suffixes);
        var summaries = new List<ImportSummary>();
        foreach (var file in options.Files())
        {
            if (!file.Required && !File.Exists(file.Path))
            {
                continue;
            }

            try
            {
                var import = await SourceFileImport.ReadAsync(file, cancellationToken).ConfigureAwait(false);
                builder.AddRatings(import.Ratings).AddStateMedia(import.StateMedia);
                summaries.Add(import.Summary);
                logger.LogInformation("Sources: {Summary}", import.Summary.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                logger.LogError("Source file {Path} ({Format}) not loaded: {Reason}", file.Path, file.Format, e.Message);
            }
        }

        _state = new State(builder.Build(), new ObservableNormalizer(suffixes), summaries, null);
    }

    private sealed record State(SourceRegistry? Registry, ObservableNormalizer? Normalizer, IReadOnlyList<ImportSummary> Summaries, string? Problem);
}
