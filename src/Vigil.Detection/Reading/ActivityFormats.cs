namespace Vigil.Detection.Reading;

/// <summary>The <c>--format</c> names: jsonl, csv, parquet, twitter-io, 538, coortweet.</summary>
public static class ActivityFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "csv", "parquet", "twitter-io", "538", "coortweet"];

    public static string Name(ActivityFormat format) => format switch
    {
        ActivityFormat.JsonLines => "jsonl",
        ActivityFormat.Csv => "csv",
        ActivityFormat.Parquet => "parquet",
        ActivityFormat.TwitterInformationOperations => "twitter-io",
        ActivityFormat.FiveThirtyEight => "538",
        ActivityFormat.CooRTweet => "coortweet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static ActivityFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "jsonl" or "ndjson" or "json" => ActivityFormat.JsonLines,
        "csv" => ActivityFormat.Csv,
        "parquet" => ActivityFormat.Parquet,
        "twitter-io" or "twitter" => ActivityFormat.TwitterInformationOperations,
        "538" or "fivethirtyeight" => ActivityFormat.FiveThirtyEight,
        "coortweet" => ActivityFormat.CooRTweet,
        _ => throw new ArgumentException(
            $"Unknown activity format '{name}'. Known formats: {string.Join(", ", Names)}.", nameof(name)),
    };
}
