using Microsoft.Extensions.Configuration;
using Vigil.Ads.Import;

namespace Vigil.Server.Ads;

/// <summary>
/// Published archive files the demo hub loads at startup, from the folder in configuration <c>Vigil:Ads:Directory</c>, by default
/// <c>../shared/data/ads</c> (from the working directory) when it exists. Every <c>.csv</c>, <c>.json</c> and <c>.jsonl</c> file in
/// it is loaded; Meta files pulled for one country, which do not carry it, get it from <see cref="KnownCountries"/>.
/// </summary>
public sealed record AdArchiveFilesOptions
{
    public const string Section = "Vigil:Ads";

    /// <summary>The <c>ad_reached_countries</c> the known published files were pulled with.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> KnownCountries = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["meta-adlib-cz-2023.csv"] = ["CZ"],
        ["meta-adlib-api-response-v5.json"] = ["US"],
    };

    public static string DefaultDirectory => Path.GetFullPath(Path.Combine("..", "shared", "data", "ads"));

    public string? Directory { get; init; }

    public static AdArchiveFilesOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration.GetSection(Section)["Directory"];
        return new AdArchiveFilesOptions { Directory = string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory.Trim() };
    }

    /// <summary>The files to load with their import options, in name order; none when the folder does not exist.</summary>
    public IReadOnlyList<(string Path, AdImportOptions Options)> Files()
    {
        if (Directory is null || !System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory)
            .Where(p => Path.GetExtension(p) is ".csv" or ".json" or ".jsonl")
            .Order(StringComparer.Ordinal)
            .Select(p => (p, new AdImportOptions { ReachedCountries = KnownCountries.GetValueOrDefault(Path.GetFileName(p)) ?? [] }))];
    }
}
