namespace Vigil.Detection.Results;

/// <summary>An item (URL, domain, post, text, hashtag sequence, picture, time bin) several cluster accounts acted on.</summary>
public sealed record SharedItem
{
    public required string Signal { get; init; }
    public required string Item { get; init; }
    public required int Accounts { get; init; }
    public required int Shares { get; init; }
    public required DateTimeOffset First { get; init; }
    public required DateTimeOffset Last { get; init; }

    /// <summary>Source-credibility ratings and state-affiliated-media labels of a URL or domain item, when a source registry was given.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}
