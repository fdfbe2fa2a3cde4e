using Vigil.Detection.Activities;
using Vigil.Detection.Signals;

namespace Vigil.Detection.Tests.Engine;

public sealed class SignalTests
{
    [Fact]
    public void Pdq_distance_counts_differing_bits()
    {
        Assert.True(PdqHash.TryParse(new string('0', 64), out var zero));
        Assert.True(PdqHash.TryParse("f" + new string('0', 62) + "1", out var five));

        Assert.Equal(5, zero.Distance(five));
        Assert.False(PdqHash.TryParse("xyz", out _));
    }

    [Fact]
    public void Near_duplicate_texts_share_a_family_and_different_texts_do_not()
    {
        var builder = new ActivityTableBuilder();
        var text = "the quick brown fox jumps over the lazy dog near the old river bank today";
        builder.Add(new ActivityRecord { AccountId = "a", Timestamp = 0, Text = text });
        builder.Add(new ActivityRecord { AccountId = "b", Timestamp = 1, Text = text + " again" });
        builder.Add(new ActivityRecord { AccountId = "c", Timestamp = 2, Text = "completely different words about elections and ballots in many cities" });

        var families = TextFamilies.Build(builder.Build(), 0.8, 5);

        Assert.Equal(families.FamilyOfRow[0], families.FamilyOfRow[1]);
        Assert.NotEqual(families.FamilyOfRow[0], families.FamilyOfRow[2]);
    }

    [Fact]
    public void Hot_item_is_capped_not_quadratic()
    {
        var builder = new ActivityTableBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            builder.Add(new ActivityRecord { AccountId = "acc" + i, Timestamp = i / 100, Kind = ActivityKind.Reshare, ReferencedId = "hot" });
        }

        var table = builder.Build();
        var occurrences = SignalExtractor.Extract(table, SignalKind.CoReshare, new DetectionOptions())!;
        var candidates = PairGenerator.Generate(occurrences, table.Accounts.Count, 60, 64);

        Assert.True(candidates.Slots <= 100_000L * 64, $"{candidates.Slots} pairs");
        Assert.Equal(1, candidates.ItemsCapped);
        Assert.True(candidates.PairsSkipped > 0);
    }

    [Fact]
    public void Poisson_tail_is_small_only_far_above_the_mean()
    {
        Assert.True(NullModel.PoissonTailLog10(10, 0.01) < -15);
        Assert.Equal(0, NullModel.PoissonTailLog10(1, 5));
        Assert.InRange(NullModel.PoissonTailLog10(3, 1), -1.1, -1.09); // P(X>=3 | 1) = 0.0803
    }
}
