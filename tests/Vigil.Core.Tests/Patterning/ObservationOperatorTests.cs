using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Tests.Patterning;

public sealed class ObservationOperatorTests
{
    private static readonly ObservationInput DomainAt0 = Sco.At(0, Sco.Domain("evil.example"));
    private static readonly ObservationInput UrlAt100 = Sco.At(100, Sco.Url("http://evil.example/login"));
    private static readonly ObservationInput DomainAt500 = Sco.At(500, Sco.Domain("evil.example"));

    private static bool Matches(string pattern, params ObservationInput[] observations) =>
        PatternEvaluator.Matches(StixPatternParser.Parse(pattern), observations);

    [Fact]
    public void Observation_AND_needs_both_sides_in_different_observations()
    {
        const string pattern = "[domain-name:value = 'evil.example'] AND [url:value = 'http://evil.example/login']";

        Assert.True(Matches(pattern, DomainAt0, UrlAt100));
        Assert.False(Matches(pattern, DomainAt0));
        Assert.False(Matches(pattern, Sco.At(0, Sco.Domain("evil.example"), Sco.Url("http://evil.example/login"))));
    }

    [Fact]
    public void Observation_OR_needs_either_side()
    {
        const string pattern = "[domain-name:value = 'evil.example'] OR [url:value = 'http://evil.example/login']";

        Assert.True(Matches(pattern, UrlAt100));
        Assert.True(Matches(pattern, DomainAt0));
        Assert.False(Matches(pattern, Sco.At(0, Sco.Url("http://good.example/"))));
    }

    [Fact]
    public void FOLLOWEDBY_needs_the_left_side_no_later_than_the_right()
    {
        const string pattern = "[domain-name:value = 'evil.example'] FOLLOWEDBY [url:value = 'http://evil.example/login']";

        Assert.True(Matches(pattern, DomainAt0, UrlAt100));
        Assert.False(Matches(pattern, UrlAt100, DomainAt500));
        Assert.True(Matches(pattern, UrlAt100, DomainAt500, DomainAt0));
        Assert.True(Matches(pattern, Sco.At(100, Sco.Domain("evil.example")), UrlAt100));
    }

    [Fact]
    public void FOLLOWEDBY_chains_keep_order_across_all_steps()
    {
        const string pattern = "[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example'] FOLLOWEDBY [domain-name:value = 'c.example']";
        var a = Sco.At(0, Sco.Domain("a.example"));
        var b = Sco.At(10, Sco.Domain("b.example"));
        var c = Sco.At(20, Sco.Domain("c.example"));
        var early = Sco.At(5, Sco.Domain("c.example"));

        Assert.True(Matches(pattern, c, b, a));
        Assert.False(Matches(pattern, early, b, a));
    }

    [Fact]
    public void WITHIN_needs_every_observation_in_one_window()
    {
        const string pattern = "([domain-name:value = 'evil.example'] FOLLOWEDBY [url:value = 'http://evil.example/login']) WITHIN 300 SECONDS";

        Assert.True(Matches(pattern, DomainAt0, UrlAt100));
        Assert.False(Matches(pattern, DomainAt0, Sco.At(301, Sco.Url("http://evil.example/login"))));
        Assert.True(Matches(pattern, DomainAt0, Sco.At(300, Sco.Url("http://evil.example/login"))));
    }

    [Fact]
    public void WITHIN_accepts_overlapping_observation_intervals()
    {
        const string pattern = "([domain-name:value = 'evil.example'] AND [url:value = 'http://evil.example/login']) WITHIN 1 SECONDS";

        Assert.True(Matches(pattern, Sco.Span(0, 1000, Sco.Domain("evil.example")), Sco.Span(900, 2000, Sco.Url("http://evil.example/login"))));
    }

    [Fact]
    public void REPEATS_needs_distinct_observations()
    {
        const string pattern = "[domain-name:value = 'evil.example'] REPEATS 2 TIMES";

        Assert.False(Matches(pattern, DomainAt0));
        Assert.True(Matches(pattern, DomainAt0, DomainAt500));
        Assert.False(Matches(pattern, DomainAt0, UrlAt100));
    }

    [Fact]
    public void REPEATS_then_WITHIN_needs_the_repeats_close_together()
    {
        const string pattern = "[domain-name:value = 'evil.example'] REPEATS 2 TIMES WITHIN 60 SECONDS";

        Assert.False(Matches(pattern, DomainAt0, DomainAt500));
        Assert.True(Matches(pattern, DomainAt0, DomainAt500, Sco.At(530, Sco.Domain("evil.example"))));
    }

    [Fact]
    public void Number_observed_counts_as_repeated_observations()
    {
        var repeated = new ObservationInput
        {
            Objects = [Sco.Domain("evil.example")],
            FirstObserved = Sco.T0,
            LastObserved = Sco.T0.AddSeconds(30),
            NumberObserved = 1_000_000,
        };

        Assert.True(Matches("[domain-name:value = 'evil.example'] REPEATS 5 TIMES WITHIN 60 SECONDS", repeated));
        Assert.True(Matches("[domain-name:value = 'evil.example'] AND [domain-name:value = 'evil.example']", repeated));
    }

    [Fact]
    public void START_STOP_needs_each_observation_to_overlap_the_range()
    {
        const string pattern = "[domain-name:value = 'evil.example'] START t'2024-11-05T12:00:00Z' STOP t'2024-11-05T12:05:00Z'";

        Assert.True(Matches(pattern, DomainAt0));
        Assert.True(Matches(pattern, Sco.Span(-100, 0, Sco.Domain("evil.example"))));
        Assert.False(Matches(pattern, Sco.At(300, Sco.Domain("evil.example"))));
        Assert.False(Matches(pattern, Sco.Span(-100, -1, Sco.Domain("evil.example"))));
        Assert.True(Matches(pattern, Sco.At(299, Sco.Domain("evil.example"))));
    }

    [Fact]
    public void Mixed_observation_operators_follow_precedence()
    {
        const string pattern = "([file:name = 'foo.dll'] AND [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']";
        var dll = Sco.At(0, Sco.File(name: "foo.dll"));
        var key = Sco.At(5, Sco.Json("""{"type":"windows-registry-key","key":"HKEY_LOCAL_MACHINE\\foo\\bar"}"""));
        var process = Sco.At(9, Sco.Json("""{"type":"process","name":"procfoo"}"""));

        Assert.True(Matches(pattern, dll, key));
        Assert.False(Matches(pattern, dll));
        Assert.True(Matches(pattern, process));
    }

    [Fact]
    public void FindMatch_names_the_observations_of_the_match()
    {
        var pattern = StixPatternParser.Parse("[domain-name:value = 'evil.example'] FOLLOWEDBY [url:value = 'http://evil.example/login']");

        var match = PatternEvaluator.FindMatch(pattern, [UrlAt100, Sco.At(3, Sco.Url("http://other.example/")), DomainAt0]);

        Assert.Equal([0, 2], match);
        Assert.Null(PatternEvaluator.FindMatch(pattern, [UrlAt100]));
    }

    [Fact]
    public void An_explosive_search_stops_with_a_clear_error()
    {
        var observations = Enumerable.Range(0, 60).Select(i => Sco.At(i, Sco.Domain("evil.example"))).ToArray();
        var pattern = StixPatternParser.Parse("[domain-name:value = 'evil.example'] REPEATS 30 TIMES WITHIN 1 SECONDS");

        var error = Assert.Throws<PatternEvaluationLimitException>(() => PatternEvaluator.FindMatch(pattern, observations, stepLimit: 50_000));
        Assert.Contains("gave up", error.Message, StringComparison.Ordinal);
    }
}
