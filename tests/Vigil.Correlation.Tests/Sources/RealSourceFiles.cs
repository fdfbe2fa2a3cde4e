using Vigil.Correlation.Sources;
using Vigil.Testing;

namespace Vigil.Correlation.Tests.Sources;

/// <summary>The two public data sets in shared/data/sources, imported once per test run.</summary>
internal static class RealSourceFiles
{
    private static readonly Lazy<ImportResult<SourceRating>> LoadedRatings = new(() =>
        DomainQualityRatingsImporter.ImportFileAsync(SharedData.Path("sources", "domain_ratings.csv.gz")).GetAwaiter().GetResult());

    private static readonly Lazy<ImportResult<StateMediaLabel>> LoadedStateMedia = new(() =>
        StateMediaMatrixImporter.ImportFileAsync(SharedData.Path("sources", "State_Media_Matrix.csv")).GetAwaiter().GetResult());

    private static readonly Lazy<SourceRegistry> LoadedRegistry = new(() =>
        new SourceRegistryBuilder(TestSuffixes.List).AddRatings(Ratings.Items).AddStateMedia(StateMedia.Items).Build());

    public static ImportResult<SourceRating> Ratings => LoadedRatings.Value;

    public static ImportResult<StateMediaLabel> StateMedia => LoadedStateMedia.Value;

    public static SourceRegistry Registry => LoadedRegistry.Value;
}
