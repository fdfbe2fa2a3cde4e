using Microsoft.Extensions.Configuration;

namespace Vigil.Server.Enrichment;

/// <summary>
/// Which source-credibility and state-media files the hub loads at startup, bound from the configuration section
/// <c>Vigil:Sources</c>: <c>DomainRatings</c> (Lin et al. 2023 <c>domain_ratings.csv(.gz)</c>), <c>StateMediaMatrix</c>
/// (ASD <c>State_Media_Matrix.csv</c>), <c>Ratings:0..n</c> and <c>StateMedia:0..n</c> (Vigil's own CSV formats),
/// <c>PublicSuffixList</c> (default: Debian's), and <c>Directory</c>: a folder whose published files are used when present.
/// With no <c>Vigil:Sources</c> configuration at all, the folder <c>../shared/data/sources</c> (from the working
/// directory) is used when it exists, so <c>vigil serve</c> and the demo pick up the shared data without setup.
/// </summary>
public sealed record SourceFilesOptions
{
    public const string Section = "Vigil:Sources";
    public const string DomainRatingsFileName = "domain_ratings.csv.gz";
    public const string StateMediaMatrixFileName = "State_Media_Matrix.csv";

    public static string DefaultDirectory => Path.GetFullPath(Path.Combine("..", "shared", "data", "sources"));

    public string? DomainRatings { get; init; }
    public string? StateMediaMatrix { get; init; }
    public IReadOnlyList<string> Ratings { get; init; } = [];
    public IReadOnlyList<string> StateMedia { get; init; } = [];
    public string? Directory { get; init; }
    public string? PublicSuffixList { get; init; }

    public static SourceFilesOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (!section.Exists())
        {
            return new SourceFilesOptions { Directory = DefaultDirectory };
        }

        return new SourceFilesOptions
        {
            DomainRatings = NonEmpty(section["DomainRatings"]),
            StateMediaMatrix = NonEmpty(section["StateMediaMatrix"]),
            Ratings = List(section.GetSection("Ratings")),
            StateMedia = List(section.GetSection("StateMedia")),
            Directory = NonEmpty(section["Directory"]),
            PublicSuffixList = NonEmpty(section["PublicSuffixList"]),
        };
    }

    /// <summary>The files to import, in order: explicit paths (which must exist) and the folder's files that exist.</summary>
    public IReadOnlyList<SourceFile> Files()
    {
        var files = new List<SourceFile>();
        if (DomainRatings is not null)
        {
            files.Add(new SourceFile(DomainRatings, SourceFormat.DomainQualityRatings, Required: true));
        }
        else if (Directory is not null && FirstExisting(Directory, DomainRatingsFileName, "domain_ratings.csv") is { } ratings)
        {
            files.Add(new SourceFile(ratings, SourceFormat.DomainQualityRatings, Required: false));
        }

        if (StateMediaMatrix is not null)
        {
            files.Add(new SourceFile(StateMediaMatrix, SourceFormat.StateMediaMatrix, Required: true));
        }
        else if (Directory is not null && FirstExisting(Directory, StateMediaMatrixFileName) is { } matrix)
        {
            files.Add(new SourceFile(matrix, SourceFormat.StateMediaMatrix, Required: false));
        }

        files.AddRange(Ratings.Select(p => new SourceFile(p, SourceFormat.VigilRatings, Required: true)));
        files.AddRange(StateMedia.Select(p => new SourceFile(p, SourceFormat.VigilStateMedia, Required: true)));
        return files;
    }

    private static string? FirstExisting(string directory, params string[] names) =>
        names.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] List(IConfigurationSection section)
    {
        if (NonEmpty(section.Value) is { } single)
        {
            return [single];
        }

        return [.. section.GetChildren().Select(c => NonEmpty(c.Value)).OfType<string>()];
    }
}
