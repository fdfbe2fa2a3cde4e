namespace Vigil.Detection.CooRTweet;

/// <summary>The output of <see cref="CooRTweetDetector"/>: the co-share pairs and the account network built from them.</summary>
public sealed record CooRTweetResult
{
    public required IReadOnlyList<CoSharePair> Pairs { get; init; }
    public required IReadOnlyList<CooRTweetEdge> Edges { get; init; }
    /// <summary>Accounts that appear in at least one edge (the network's vertices).</summary>
    public required int Accounts { get; init; }
    public required int Components { get; init; }
}
