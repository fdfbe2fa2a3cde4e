using Vigil.Core.Sharing;
using Vigil.Detection.Reading;

namespace Vigil.Cli.Detect;

/// <summary>What <c>vigil detect</c> was asked to do.</summary>
public sealed record DetectRequest
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public required string OutputDirectory { get; init; }
    public ActivityFormat? Format { get; init; }
    /// <summary>CooRTweet mode when either is set.</summary>
    public int? WindowSeconds { get; init; }
    public int? MinParticipation { get; init; }
    public bool Strict { get; init; }
    public TlpLevel Tlp { get; init; } = TlpLevel.Amber;
    public string? CreatedByRef { get; init; }
    public string? Platform { get; init; }
    /// <summary>An absolute http(s) URL: a collection's objects URL, or the hub's with <see cref="Collection"/>.</summary>
    public string? PublishUrl { get; init; }
    public string? ApiKey { get; init; }
    public string? Collection { get; init; }

    /// <summary>A folder with source-credibility and state-media files (as <c>vigil serve</c> reads them) to label shared URLs and domains.</summary>
    public string? SourcesDirectory { get; init; }
}
