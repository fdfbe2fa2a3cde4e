using Vigil.Server.Enrichment;

namespace Vigil.Cli.Sources;

/// <summary>The <c>--format</c> names of <c>vigil sources import</c>.</summary>
public static class SourceFormatNames
{
    public static IReadOnlyDictionary<string, SourceFormat> All { get; } = new Dictionary<string, SourceFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["ratings"] = SourceFormat.VigilRatings,
        ["state-media"] = SourceFormat.VigilStateMedia,
        ["domain-quality"] = SourceFormat.DomainQualityRatings,
        ["state-media-matrix"] = SourceFormat.StateMediaMatrix,
    };

    public static string List => string.Join(", ", All.Keys);
}
