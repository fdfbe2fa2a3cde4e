using Vigil.Detection.CooRTweet;
using Vigil.Detection.Reading;
using Vigil.Testing;

namespace Vigil.Detection.Tests.CooRTweet;

public sealed class CooRTweetAgreementTests
{
    private static readonly Lazy<Task<ActivityReadResult>> Russian = new(() =>
        ActivityReaders.ReadAsync(SharedData.Path("coordination", "russian_coord_tweets.csv.gz"), new ReadOptions()));

    [Theory]
    [InlineData(10, 2, 525, 442, 95)]
    [InlineData(60, 2, 2110, 3721, 23)]
    [InlineData(60, 5, 772, 1193, 1)]
    public async Task Russian_tweets_network_matches_CooRTweet_counts(int window, int minParticipation, int accounts, int edges, int components)
    {
        var read = await Russian.Value;
        Assert.Equal(ActivityFormat.CooRTweet, read.Format);
        Assert.Equal(35125, read.Table.Count);

        var result = CooRTweetDetector.Detect(read.Table, new CooRTweetOptions { WindowSeconds = window, MinParticipation = minParticipation });

        Assert.Equal((accounts, edges, components), (result.Accounts, result.Edges.Count, result.Components));
    }
}
