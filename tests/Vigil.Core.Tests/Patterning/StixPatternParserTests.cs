using Vigil.Core.Patterning;

namespace Vigil.Core.Tests.Patterning;

public sealed class StixPatternParserTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in SpecExamples.All)
        {
            data.Add(example);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_specification_example_parses_and_its_canonical_form_parses_to_the_same_form(string example)
    {
        Assert.True(StixPatternParser.TryParse(example, out var pattern, out var error), error?.ToString());
        var canonical = pattern.ToString();
        var again = StixPatternParser.Parse(canonical);
        Assert.Equal(canonical, again.ToString());
        Assert.Equal(example, pattern.Text);
    }

    [Fact]
    public void Observation_AND_binds_tighter_than_OR_and_OR_tighter_than_FOLLOWEDBY()
    {
        var pattern = StixPatternParser.Parse("[a:x = 1] FOLLOWEDBY [b:x = 2] OR [c:x = 3] AND [d:x = 4]");

        var followedBy = Assert.IsType<ObservationCombination>(pattern.Root);
        Assert.Equal(ObservationOperator.FollowedBy, followedBy.Operator);
        var or = Assert.IsType<ObservationCombination>(followedBy.Operands[1]);
        Assert.Equal(ObservationOperator.Or, or.Operator);
        var and = Assert.IsType<ObservationCombination>(or.Operands[1]);
        Assert.Equal(ObservationOperator.And, and.Operator);
        Assert.Equal("[a:x = 1] FOLLOWEDBY ([b:x = 2] OR ([c:x = 3] AND [d:x = 4]))", pattern.ToString());
    }

    [Fact]
    public void Comparison_AND_binds_tighter_than_OR_inside_brackets()
    {
        var pattern = StixPatternParser.Parse("[a:x = 1 OR a:y = 2 AND a:z = 3]");

        var leaf = Assert.IsType<ObservationLeaf>(pattern.Root);
        var or = Assert.IsType<ComparisonCombination>(leaf.Comparison);
        Assert.Equal(BooleanOperator.Or, or.Operator);
        Assert.IsType<PropertyComparison>(or.Operands[0]);
        Assert.Equal(BooleanOperator.And, Assert.IsType<ComparisonCombination>(or.Operands[1]).Operator);
    }

    [Fact]
    public void A_qualifier_applies_to_the_observation_expression_just_before_it()
    {
        var pattern = StixPatternParser.Parse("[a:x = 1] FOLLOWEDBY [b:x = 2] WITHIN 300 SECONDS");

        var followedBy = Assert.IsType<ObservationCombination>(pattern.Root);
        Assert.IsType<ObservationLeaf>(followedBy.Operands[0]);
        var qualified = Assert.IsType<QualifiedObservation>(followedBy.Operands[1]);
        Assert.Equal(300, Assert.IsType<WithinQualifier>(qualified.Qualifier).Seconds);
    }

    [Fact]
    public void Qualifiers_chain_innermost_first()
    {
        var pattern = StixPatternParser.Parse("[a:x = 1] REPEATS 5 TIMES WITHIN 1800 SECONDS");

        var within = Assert.IsType<QualifiedObservation>(pattern.Root);
        Assert.IsType<WithinQualifier>(within.Qualifier);
        var repeats = Assert.IsType<QualifiedObservation>(within.Inner);
        Assert.Equal(5, Assert.IsType<RepeatsQualifier>(repeats.Qualifier).Count);
    }

    [Fact]
    public void Constants_are_decoded()
    {
        var pattern = StixPatternParser.Parse(
            @"[a:s = 'it\'s a \\ path' AND a:i = -42 AND a:f = .5 AND a:b = false AND a:h = h'FFd8' AND a:c = b'SGk=' AND a:t = t'2020-02-29T23:59:59.123Z' AND a:l IN ('x', 2)]");

        var values = ((ComparisonCombination)((ObservationLeaf)pattern.Root).Comparison).Operands
            .Cast<PropertyComparison>().Select(c => c.Value).ToList();
        Assert.Equal(@"it's a \ path", Assert.IsType<StringLiteral>(values[0]).Value);
        Assert.Equal(-42, Assert.IsType<IntegerLiteral>(values[1]).Value);
        Assert.Equal(0.5, Assert.IsType<FloatLiteral>(values[2]).Value);
        Assert.False(Assert.IsType<BooleanLiteral>(values[3]).Value);
        Assert.Equal(new byte[] { 0xff, 0xd8 }, Assert.IsType<BinaryLiteral>(values[4]).Bytes);
        Assert.Equal("Hi"u8.ToArray(), Assert.IsType<BinaryLiteral>(values[5]).Bytes);
        Assert.Equal(new DateTime(2020, 2, 29, 23, 59, 59, 123, DateTimeKind.Utc), Assert.IsType<TimestampLiteral>(values[6]).Value.Utc);
        Assert.Equal(2, Assert.IsType<ListLiteral>(values[7]).Items.Count);
    }

    [Fact]
    public void Object_paths_keep_quoted_keys_indexes_and_wildcards()
    {
        var pattern = StixPatternParser.Parse("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0 AND email-message:to_refs[0].value = 'a@b.c']");

        var comparisons = ((ComparisonCombination)((ObservationLeaf)pattern.Root).Comparison).Operands.Cast<PropertyComparison>().ToList();
        Assert.Equal("file", comparisons[0].Path.ObjectType);
        Assert.Equal("extensions.'windows-pebinary-ext'.sections[*].entropy", comparisons[0].Path.PropertyPath);
        Assert.Equal(
            [PathStep.Property("extensions"), PathStep.Property("windows-pebinary-ext"), PathStep.Property("sections"), PathStep.AnyIndex, PathStep.Property("entropy")],
            comparisons[0].Path.Steps);
        Assert.Equal(PathStep.At(0), comparisons[1].Path.Steps[1]);
    }

    [Fact]
    public void Comments_and_line_breaks_are_ignored()
    {
        var pattern = StixPatternParser.Parse("/* known bad */ [url:value = 'http://x.example/'] // trailing\n OR\n[url:value = 'http://y.example/']");

        Assert.Equal("[url:value = 'http://x.example/'] OR [url:value = 'http://y.example/']", pattern.ToString());
    }

    [Fact]
    public void Stix_2_0_forms_are_accepted_hyphenated_keys_and_string_start_stop()
    {
        var pattern = StixPatternParser.Parse("[file:extensions.windows-pebinary-ext.sections[*].entropy > 7.0] START '2016-06-01T00:00:00Z' STOP '2016-07-01T00:00:00Z'");

        Assert.Equal("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", pattern.ToString());
    }

    [Theory]
    [InlineData("", 0, "empty pattern")]
    [InlineData("   ", 3, "empty pattern")]
    [InlineData("[file:name = 'foo.dll' AND file:size = 10", 41, "expected ']'")]
    [InlineData("[file:name LIKEE 'foo%']", 11, "unknown operator 'LIKEE'")]
    [InlineData("[file:name like 'foo%']", 11, "operators are upper case: LIKE")]
    [InlineData("[file:name = 'foo.dll]", 13, "unterminated string")]
    [InlineData("[file:name = 'a\\nb']", 15, "invalid escape")]
    [InlineData("[file:created = t'2016-13-01T00:00:00Z']", 16, "bad timestamp literal")]
    [InlineData("[file:created = t'2016-01-01 00:00:00']", 16, "bad timestamp literal")]
    [InlineData("[file:magic_number_hex = h'abc']", 25, "bad hex literal")]
    [InlineData("[artifact:payload_bin = b'abc']", 24, "bad binary literal")]
    [InlineData("[]", 1, "empty observation expression")]
    [InlineData("[file:name]", 10, "expected a comparison operator")]
    [InlineData("[file = 'x']", 6, "expected ':'")]
    [InlineData("[file:name = ]", 13, "expected a value")]
    [InlineData("[file:name = 'a'] AND", 21, "expected '[' or '('")]
    [InlineData("[file:name = 'a']]", 17, "unbalanced ']'")]
    [InlineData("[file:name = 'a'] WITHIN 0 SECONDS", 25, "positive number of seconds")]
    [InlineData("[file:name = 'a'] WITHIN 5 MINUTES", 27, "expected SECONDS")]
    [InlineData("[file:name = 'a'] REPEATS 0 TIMES", 26, "REPEATS needs a count")]
    [InlineData("[file:name = 'a'] START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'", 53, "must be later than START")]
    [InlineData("[file:name MATCHES '([a-z']", 19, "invalid regular expression")]
    [InlineData("[ipv4-addr:value ISSUBSET 'example.com']", 26, "IP address or CIDR")]
    [InlineData("[file:size IN 'a']", 14, "IN needs a list")]
    [InlineData("[file:size LIKE 10]", 16, "LIKE needs a string literal")]
    [InlineData("[file:size > true]", 13, "only be compared with = or !=")]
    [InlineData("[file:size = 007]", 13, "leading zeros")]
    [InlineData("[file:size = 1.]", 13, "a digit must follow the decimal point")]
    [InlineData("[file:name = 'a'] @", 18, "unexpected character '@'")]
    [InlineData("[file:name = 'a' /* open comment", 17, "unterminated comment")]
    [InlineData("[file:x[a] = 1]", 8, "expected a list index")]
    [InlineData("[file:name = 'a'] [file:name = 'b']", 18, "expected AND, OR, FOLLOWEDBY or a qualifier")]
    [InlineData("[file:name = 'a' AND AND file:size = 1]", 21, "expected a comparison")]
    [InlineData("[file:size = 99999999999999999999]", 13, "out of range")]
    public void Invalid_pattern_is_rejected_with_its_position(string text, int index, string message)
    {
        Assert.False(StixPatternParser.TryParse(text, out var pattern, out var error));
        Assert.Null(pattern);
        Assert.Equal(index, error.Index);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"at {index}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_reports_line_and_column_of_a_multi_line_pattern()
    {
        var error = Assert.Throws<StixPatternException>(() => StixPatternParser.Parse("[url:value = 'a']\nAND\n[url:value == ]")).Error;

        Assert.Equal(3, error.Line);
        Assert.Equal(15, error.Column);
        Assert.Equal(36, error.Index);
    }

    [Fact]
    public void Too_deep_nesting_is_rejected_not_a_stack_overflow()
    {
        var text = new string('(', 10_000) + "[a:b = 1]" + new string(')', 10_000);

        Assert.False(StixPatternParser.TryParse(text, out _, out var error));
        Assert.Contains("nesting too deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(64, error.Index);
    }

    [Fact]
    public void Long_flat_chains_parse_without_deep_recursion()
    {
        var text = string.Join(" OR ", Enumerable.Range(0, 20_000).Select(i => $"[url:value = 'http://h{i}.example/']"));

        var pattern = StixPatternParser.Parse(text);

        Assert.Equal(20_000, Assert.IsType<ObservationCombination>(pattern.Root).Operands.Count);
    }

    [Fact]
    public void Keywords_are_case_sensitive_as_in_stix_2_1()
    {
        Assert.False(StixPatternParser.TryParse("[a:b = 1] and [a:b = 2]", out _, out var error));
        Assert.Equal(10, error.Index);
        Assert.False(StixPatternParser.TryParse("[a:b = TRUE]", out _, out _));
    }
}
