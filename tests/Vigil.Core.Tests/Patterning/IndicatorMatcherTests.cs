using CsCheck;
using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;
using Vigil.Core.Patterning.Indexing;

namespace Vigil.Core.Tests.Patterning;

public sealed class IndicatorMatcherTests
{
    private static PatternEntry Entry(string id, string pattern) => new(id, StixPatternParser.Parse(pattern));

    [Fact]
    public void Each_observation_is_matched_to_the_indicators_that_name_its_values()
    {
        var matcher = new IndicatorMatcher(
        [
            Entry("indicator--url", "[url:value = 'https://vote-update.example/polling-place']"),
            Entry("indicator--domain", "[domain-name:value = 'ballot-check.example']"),
            Entry("indicator--account", "[user-account:account_login = 'civic_truth_2024' AND user-account:account_type = 'twitter']"),
            Entry("indicator--hash", "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c']"),
            Entry("indicator--prefix", "[url:value LIKE 'https://vote-update.example/%']"),
            Entry("indicator--block", "[ipv4-addr:value ISSUBSET '203.0.113.0/24']"),
            Entry("indicator--regex", "[url:value MATCHES '^https://elsewhere\\\\.']"),
        ]);
        ObservationInput[] batch =
        [
            Sco.At(0, Sco.Url("https://vote-update.example/polling-place")),
            Sco.At(0, Sco.Domain("BALLOT-CHECK.example")),
            Sco.At(0, Sco.Account("civic_truth_2024", "facebook")),
            Sco.At(0, Sco.File(sha256: "BF07A7FBB825FC0AAE7BF4A1177B2B31FCF8A3FEEAF7092761E18C859EE52A9C")),
            Sco.At(0, Sco.Url("https://elsewhere.example/")),
            Sco.At(0, Sco.Account("civic_truth_2024", "twitter")),
            Sco.At(0, Sco.Ipv4("203.0.113.9")),
            Sco.At(0, Sco.Ipv4("203.0.114.9")),
        ];

        var result = matcher.Match(batch);

        Assert.Equal(6, matcher.IndexedCount);
        Assert.Equal(1, matcher.FallbackCount);
        Assert.Empty(result.Undecided);
        Assert.Equal(
            ["indicator--url:0", "indicator--domain:1", "indicator--account:5", "indicator--hash:3", "indicator--prefix:0", "indicator--block:6", "indicator--regex:4"],
            result.Matches.Select(m => $"{m.Id}:{string.Join(",", m.ObservationIndices)}"));
    }

    [Fact]
    public void Multi_observation_indicators_are_matched_across_the_batch()
    {
        var matcher = new IndicatorMatcher(
        [
            Entry("indicator--sequence", "([domain-name:value = 'a.example'] FOLLOWEDBY [url:value = 'http://a.example/login']) WITHIN 600 SECONDS"),
            Entry("indicator--burst", "[domain-name:value = 'a.example'] REPEATS 3 TIMES"),
        ]);

        var result = matcher.Match([Sco.At(500, Sco.Url("http://a.example/login")), Sco.At(0, Sco.Url("http://other.example/")), Sco.At(100, Sco.Domain("a.example"))]);

        var match = Assert.Single(result.Matches);
        Assert.Equal("indicator--sequence", match.Id);
        Assert.Equal([0, 2], match.ObservationIndices);
    }

    [Fact]
    public void An_indicator_stopped_by_the_step_limit_is_reported_undecided()
    {
        var matcher = new IndicatorMatcher([Entry("indicator--explosive", "[domain-name:value = 'a.example'] REPEATS 30 TIMES WITHIN 1 SECONDS")], stepLimit: 50_000);
        var batch = Enumerable.Range(0, 60).Select(i => Sco.At(i, Sco.Domain("a.example"))).ToArray();

        var result = matcher.Match(batch);

        Assert.Empty(result.Matches);
        Assert.Equal("indicator--explosive", Assert.Single(result.Undecided).Id);
    }

    [Fact]
    public void Index_never_misses_a_match_the_evaluator_finds_and_reports_nothing_else()
    {
        var gen = Gen.Select(PatternGenerators.Pattern.Array[1, 8], PatternGenerators.Observation.Array[1, 5]);

        gen.Sample((patterns, observations) =>
        {
            var entries = patterns.Select((p, i) => new PatternEntry("p" + i, StixPatternParser.Parse(p))).ToArray();
            var result = new IndicatorMatcher(entries).Match(observations);
            Assert.Empty(result.Undecided);

            var expected = new List<string>();
            foreach (var entry in entries)
            {
                if (PatternShape.MaxObservations(entry.Pattern.Root) == 1)
                {
                    var hits = Enumerable.Range(0, observations.Length).Where(i => PatternEvaluator.Matches(entry.Pattern, observations[i])).ToArray();
                    if (hits.Length > 0)
                    {
                        expected.Add($"{entry.Id}:{string.Join(",", hits)}");
                    }
                }
                else if (PatternEvaluator.Matches(entry.Pattern, observations))
                {
                    expected.Add(entry.Id + ":*");
                }
            }

            var actual = result.Matches.Select(m =>
                PatternShape.MaxObservations(entries.Single(e => e.Id == m.Id).Pattern.Root) == 1
                    ? $"{m.Id}:{string.Join(",", m.ObservationIndices)}"
                    : m.Id + ":*").ToList();
            Assert.Equal(expected, actual);
        }, iter: 3000, print: t => string.Join(" ;; ", t.Item1) + " || " + string.Join(" ;; ", t.Item2.Select(o => string.Join(" ", o.Objects.Select(x => x.ToJsonString())))));
    }

    [Fact]
    public void Index_keys_agree_with_evaluator_equality_for_single_comparisons()
    {
        Gen.Select(PatternGenerators.Atom, PatternGenerators.Observation).Sample((atom, observation) =>
        {
            var pattern = StixPatternParser.Parse($"[{atom}]");
            var terms = PatternTerms.ExtractEqualityTerms(pattern);
            if (!terms.IsIndexable || !PatternEvaluator.Matches(pattern, observation))
            {
                return;
            }

            var found = new IndicatorMatcher([new PatternEntry("p", pattern)]).Match([observation]);
            Assert.Single(found.Matches);
        }, iter: 5000, print: t => t.Item1 + " || " + string.Join(" ", t.Item2.Objects.Select(x => x.ToJsonString())));
    }

    [Fact]
    public void Canonical_form_of_a_generated_pattern_parses_back_to_itself()
    {
        PatternGenerators.Pattern.Sample(text =>
        {
            var canonical = StixPatternParser.Parse(text).ToString();
            Assert.Equal(canonical, StixPatternParser.Parse(canonical).ToString());
        }, iter: 2000);
    }
}
