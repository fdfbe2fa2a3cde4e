using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Correlation.Sources;
using Vigil.Detection.Results;
using Vigil.Server.Enrichment;

namespace Vigil.Cli.Detect;

/// <summary>Labels the URLs and domains clusters shared with what the source registry knows of them (ratings, state-affiliated media).</summary>
internal static class SharedItemLabeler
{
    private static readonly HashSet<string> LabelledSignals = new(StringComparer.Ordinal) { "co-link", "co-domain" };

    /// <summary>Loads the registry from <paramref name="directory"/>; a problem loading it is returned, not thrown.</summary>
    public static async Task<(SourceRegistry? Registry, string? Problem)> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return (null, $"--sources: the folder '{directory}' does not exist");
        }

        var sources = new EnrichmentSources(new SourceFilesOptions { Directory = directory }, NullLogger<EnrichmentSources>.Instance);
        await sources.LoadAsync(cancellationToken).ConfigureAwait(false);
        return (sources.Registry, sources.Registry is null ? sources.Problem : null);
    }

    public static DetectionResult Label(DetectionResult result, ISourceLookup registry) => result with
    {
        Clusters = [.. result.Clusters.Select(cluster => cluster with
        {
            SharedItems = [.. cluster.SharedItems.Select(item => LabelledSignals.Contains(item.Signal) ? item with { Labels = Labels(registry.Lookup(item.Item)) } : item)],
        })],
    };

    private static List<string> Labels(SourceLookup lookup) =>
    [
        .. lookup.StateMedia.Select(m => $"state-affiliated media: {m.Outlet} ({m.Country}, {m.StateBody})"),
        .. lookup.Ratings.Select(r => $"{r.Provider}: {(r.Label ?? r.Score?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))}"),
    ];
}
