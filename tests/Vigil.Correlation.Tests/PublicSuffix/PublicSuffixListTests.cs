using Vigil.Correlation.PublicSuffix;

namespace Vigil.Correlation.Tests.PublicSuffix;

/// <summary>
/// Cases written after the semantics of publicsuffix.org's test list (checkPublicSuffix): the expected value is the registrable
/// domain, or null when the host is itself a public suffix. Hosts are given already lowercase ASCII, as the list class expects.
/// </summary>
public sealed class PublicSuffixListTests
{
    private static PublicSuffixList List => TestSuffixes.List;

    [Theory]
    // unlisted TLD: the implicit "*" rule makes the last label the suffix
    [InlineData("example", null)]
    [InlineData("example.example", "example.example")]
    [InlineData("b.example.example", "example.example")]
    // a TLD with only one rule
    [InlineData("com", null)]
    [InlineData("example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    // multi-level suffixes
    [InlineData("uk", null)]
    [InlineData("co.uk", null)]
    [InlineData("bbc.co.uk", "bbc.co.uk")]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("k12.ak.us", null)]
    [InlineData("test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("www.test.k12.ak.us", "test.k12.ak.us")]
    // wildcard with exception: *.kobe.jp, !city.kobe.jp (kobe.jp itself is no rule in this list, so "jp" applies)
    [InlineData("jp", null)]
    [InlineData("kobe.jp", "kobe.jp")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("a.b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("city.kobe.jp", "city.kobe.jp")]
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]
    // wildcard TLD with exception: *.ck, !www.ck
    [InlineData("ck", null)]
    [InlineData("test.ck", null)]
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("a.b.test.ck", "b.test.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("www.www.ck", "www.ck")]
    // wildcard TLD without exception: *.er
    [InlineData("er", null)]
    [InlineData("foo.er", null)]
    [InlineData("bar.foo.er", "bar.foo.er")]
    // private section
    [InlineData("uk.com", null)]
    [InlineData("example.uk.com", "example.uk.com")]
    [InlineData("b.example.uk.com", "example.uk.com")]
    [InlineData("blogspot.com", null)]
    [InlineData("someone.blogspot.com", "someone.blogspot.com")]
    // IDN rules are held in punycode: 公司.cn, 中国
    [InlineData("xn--55qx5d.cn", null)]
    [InlineData("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn")]
    [InlineData("xn--fiqs8s", null)]
    [InlineData("www.shishi.xn--fiqs8s", "shishi.xn--fiqs8s")]
    public void Registrable_domain_follows_the_list_rules(string host, string? expected) =>
        Assert.Equal(expected, List.GetRegistrableDomain(host));

    [Fact]
    public void Private_rules_can_be_left_out()
    {
        Assert.Equal("blogspot.com", List.GetRegistrableDomain("someone.blogspot.com", includePrivate: false));
        Assert.Equal(PublicSuffixSection.Private, List.Match("someone.blogspot.com").Section);
    }

    [Fact]
    public void Unlisted_tld_is_reported_as_not_listed()
    {
        Assert.False(List.Match("b.example.example").Listed);
        Assert.True(List.Match("b.example.com").Listed);
    }

    [Fact]
    public void Exception_rule_beats_a_longer_rule_from_a_small_list()
    {
        const string dat = """
            // ===BEGIN ICANN DOMAINS===
            test
            *.test
            !keep.test
            deep.keep.test
            // ===END ICANN DOMAINS===
            """;
        var list = PublicSuffixList.Parse(new StringReader(dat));
        Assert.Equal("keep.test", list.GetRegistrableDomain("a.keep.test"));
        Assert.Equal("x.other.test", list.GetRegistrableDomain("x.other.test"));
        Assert.Null(list.GetRegistrableDomain("other.test"));
        Assert.Equal(4, list.RuleCount);
    }

    [Fact]
    public void Debian_list_loads_with_thousands_of_rules() =>
        Assert.True(List.RuleCount > 8000, $"only {List.RuleCount} rules");

    [Fact]
    public void Missing_list_file_names_the_debian_package()
    {
        var error = Assert.Throws<PublicSuffixListMissingException>(() => PublicSuffixList.Load("/nonexistent/public_suffix_list.dat"));
        Assert.Contains("publicsuffix", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_rule_is_reported_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => PublicSuffixList.Parse(new StringReader("com\na.*.b\n")));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
