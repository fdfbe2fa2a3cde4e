using Vigil.Correlation.Extraction;

namespace Vigil.Correlation.Tests.Extraction;

public sealed class StixPatternTermReaderTests
{
    [Fact]
    public void Parsed_pattern_gives_the_same_terms_as_the_scanner()
    {
        const string pattern = "[file:hashes.'SHA-256' = 'aa' OR file:name = 'x'] AND [url:value IN ('http://a.example/', 'http://b.example/')] AND [email-addr:value != 'n@example.com']";
        Assert.True(StixPatternTermReader.TryRead(pattern, out var parsed, out var error), error);
        var scanned = PatternEqualityScanner.Scan(pattern);
        Assert.Equal(
            scanned.Select(t => (t.ObjectType, t.PropertyPath, t.Value, t.Observation)),
            parsed.Select(t => (t.ObjectType, t.PropertyPath, t.Value, t.Observation)));
        Assert.Equal(4, parsed.Count);
    }

    [Fact]
    public void Invalid_pattern_gives_the_parser_error_with_its_position()
    {
        Assert.False(StixPatternTermReader.TryRead("[url:value = ]", out var terms, out var error));
        Assert.Empty(terms);
        Assert.Contains("column", error, StringComparison.Ordinal);
    }
}
