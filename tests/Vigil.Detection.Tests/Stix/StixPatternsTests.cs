using Vigil.Core.Patterning;
using Vigil.Detection.Stix;

namespace Vigil.Detection.Tests.Stix;

public sealed class StixPatternsTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData(@"\'", @"'\\\''")]
    public void Literals_escape_quotes_and_backslashes(string value, string literal) =>
        Assert.Equal(literal, StixPatterns.Literal(value));

    [Theory]
    [InlineData("example.com/a?b=1")]
    [InlineData("example.com/it's")]
    [InlineData(@"example.com/\'x")]
    public void Url_patterns_parse(string url) =>
        Assert.True(StixPatternParser.TryParse(StixPatterns.Url(url), out _, out var error), error?.ToString());

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("sub.example.co.uk", true)]
    [InlineData("opaqueid", false)]
    [InlineData("a b.com", false)]
    [InlineData(".example.com", false)]
    public void Only_host_names_count_as_domains(string value, bool isDomain) =>
        Assert.Equal(isDomain, StixPatterns.IsDomain(value));
}
