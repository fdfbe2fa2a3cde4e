using Vigil.Ads.Import;

namespace Vigil.Server.Ads;

/// <summary>The names of the ad file formats on the command line and in summaries.</summary>
public static class AdFormatNames
{
    public static readonly IReadOnlyDictionary<string, AdFileFormat> All = new Dictionary<string, AdFileFormat>(StringComparer.Ordinal)
    {
        ["auto"] = AdFileFormat.Auto,
        ["meta-json"] = AdFileFormat.MetaJson,
        ["meta-csv"] = AdFileFormat.MetaCsv,
        ["snap-csv"] = AdFileFormat.SnapCsv,
        ["jsonl"] = AdFileFormat.JsonLines,
    };

    public static string List => string.Join(", ", All.Keys);

    public static string NameOf(AdFileFormat format) => All.First(f => f.Value == format).Key;
}
