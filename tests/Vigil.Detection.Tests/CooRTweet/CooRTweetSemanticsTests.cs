using Vigil.Detection.Activities;
using Vigil.Detection.CooRTweet;

namespace Vigil.Detection.Tests.CooRTweet;

public sealed class CooRTweetSemanticsTests
{
    private static ActivityTable Table(params (string Object, string Account, string Content, long Time)[] shares)
    {
        var builder = new ActivityTableBuilder();
        foreach (var (obj, account, content, time) in shares)
        {
            builder.Add(new ActivityRecord { ReferencedId = obj, AccountId = account, ActivityId = content, Timestamp = time, Kind = ActivityKind.Reshare });
        }

        return builder.Build();
    }

    private static CooRTweetResult Detect(ActivityTable table, int window = 10, int minParticipation = 2) =>
        CooRTweetDetector.Detect(table, new CooRTweetOptions { WindowSeconds = window, MinParticipation = minParticipation });

    [Fact]
    public void Shares_within_the_window_by_different_accounts_pair_up()
    {
        var result = Detect(Table(
            ("o1", "a", "c1", 100), ("o1", "b", "c2", 110), ("o1", "c", "c3", 121),
            ("o2", "a", "c4", 500), ("o2", "b", "c5", 505), ("o2", "c", "c6", 900)));

        // o1: a-b (10 s) pairs, b-c (11 s) and a-c (21 s) do not; o2: a-b.
        Assert.Equal(2, result.Pairs.Count);
        var edge = Assert.Single(result.Edges);
        Assert.Equal(2, edge.Weight);
        Assert.Equal((2, 1), (result.Accounts, result.Components));
    }

    [Fact]
    public void Accounts_below_min_participation_are_left_out_before_pairing()
    {
        var result = Detect(Table(("o1", "a", "c1", 100), ("o1", "b", "c2", 101), ("o2", "a", "c3", 200)));

        Assert.Empty(result.Edges); // b has one share only
    }

    [Fact]
    public void Loops_are_removed_same_account_same_content_and_the_object_itself()
    {
        var result = Detect(Table(
            ("o1", "a", "c1", 100), ("o1", "a", "c2", 101),      // same account
            ("o2", "a", "o2", 200), ("o2", "b", "c3", 201),      // content is the object itself
            ("o3", "a", "dup", 300), ("o3", "b", "dup", 301),    // same content id
            ("o4", "b", "c4", 900)),
            minParticipation: 1);

        Assert.Empty(result.Pairs);
    }

    [Fact]
    public void Participation_is_refined_on_shares_that_are_in_pairs()
    {
        // a and b pair once (o1); both have two shares overall, but only one share each is in a pair,
        // so with min_participation 2 neither qualifies and the pair is dropped.
        var result = Detect(Table(("o1", "a", "c1", 100), ("o1", "b", "c2", 101), ("o2", "a", "c3", 500), ("o3", "b", "c4", 900)));

        Assert.Empty(result.Edges);
    }

    [Fact]
    public void A_pair_stays_when_either_account_qualifies()
    {
        // a is in pairs twice (with b and with c); b and c are in one pair each but have two shares.
        var result = Detect(Table(
            ("o1", "a", "c1", 100), ("o1", "b", "c2", 101),
            ("o2", "a", "c3", 500), ("o2", "c", "c4", 501),
            ("o3", "b", "c5", 900), ("o4", "c", "c6", 1300)));

        Assert.Equal(2, result.Edges.Count);
        Assert.Equal((3, 1), (result.Accounts, result.Components));
    }
}
