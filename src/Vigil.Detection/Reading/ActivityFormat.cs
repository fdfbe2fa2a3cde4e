namespace Vigil.Detection.Reading;

/// <summary>Input formats; <see cref="ActivityFormats"/> maps them to and from their <c>--format</c> names.</summary>
public enum ActivityFormat
{
    JsonLines,
    Csv,
    Parquet,
    TwitterInformationOperations,
    FiveThirtyEight,
    CooRTweet,
}
