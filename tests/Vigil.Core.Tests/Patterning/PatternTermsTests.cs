using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Indexing;

namespace Vigil.Core.Tests.Patterning;

public sealed class PatternTermsTests
{
    private static PatternTermSet Terms(string pattern) => PatternTerms.ExtractEqualityTerms(StixPatternParser.Parse(pattern));

    private static string[] Texts(PatternTermSet set) => set.Terms.Select(t => t.ToString()).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Equality_gives_one_normalized_term()
    {
        var set = Terms("[domain-name:value = 'Ballot-Check.EXAMPLE']");

        Assert.True(set.IsIndexable);
        Assert.Equal(["domain-name:value = Text:ballot-check.example"], Texts(set));
    }

    [Fact]
    public void OR_unions_and_AND_takes_the_smaller_side()
    {
        Assert.Equal(
            ["file:hashes.'SHA-256' = Text:aa", "file:hashes.MD5 = Text:bb"],
            Texts(Terms("[file:hashes.'SHA-256' = 'AA' OR file:hashes.MD5 = 'bb']")));
        Assert.Equal(
            ["user-account:account_login = Text:x"],
            Texts(Terms("[user-account:account_type IN ('twitter', 'facebook') AND user-account:account_login = 'x']")));
        Assert.Equal(
            ["url:value = Text:http://a.example/"],
            Texts(Terms("[url:value LIKE 'http://%'] AND [url:value = 'http://a.example/']")));
    }

    [Fact]
    public void IN_gives_a_term_per_value_and_numbers_share_keys()
    {
        Assert.Equal(["file:size = Number:10", "file:size = Number:2.5"], Texts(Terms("[file:size IN (10, 10.0, 2.5)]")));
    }

    [Fact]
    public void Addresses_are_keyed_in_canonical_cidr_form()
    {
        Assert.Equal(["ipv4-addr:value = Text:198.51.100.1/32"], Texts(Terms("[ipv4-addr:value = '198.51.100.1']")));
        Assert.Equal(["ipv6-addr:value = Text:2001:db8::1/128"], Texts(Terms("[ipv6-addr:value = '2001:0DB8:0000::0001/128']")));
    }

    [Fact]
    public void Binary_properties_are_keyed_by_bytes_whatever_the_literal_form()
    {
        Assert.Equal(["file:magic_number_hex = Binary:ffd8"], Texts(Terms("[file:magic_number_hex = h'FFD8']")));
        Assert.Equal(["file:magic_number_hex = Binary:ffd8"], Texts(Terms("[file:magic_number_hex = b'/9g=']")));
        Assert.Equal(["file:magic_number_hex = Binary:ffd8"], Texts(Terms("[file:magic_number_hex = '\u00ff\u00d8']")));
    }

    [Theory]
    [InlineData("[url:value != 'x']")]
    [InlineData("[url:value NOT = 'x']")]
    [InlineData("[url:value NOT IN ('x')]")]
    [InlineData("[url:value LIKE 'x%']")]
    [InlineData("[url:value MATCHES 'x']")]
    [InlineData("[ipv4-addr:value ISSUBSET '10.0.0.0/8']")]
    [InlineData("[EXISTS url:value]")]
    [InlineData("[file:created = t'2020-01-01T00:00:00Z']")]
    [InlineData("[url:value = 'x' OR url:value LIKE 'y%']")]
    [InlineData("[url:value = 'x'] OR [url:value LIKE 'y%']")]
    public void Patterns_without_a_required_equality_are_not_indexable(string pattern)
    {
        Assert.False(Terms(pattern).IsIndexable);
    }

    [Fact]
    public void A_constant_no_value_can_equal_gives_an_empty_indexable_set()
    {
        var set = Terms("[file:magic_number_hex = '\u0100']");

        Assert.True(set.IsIndexable);
        Assert.Empty(set.Terms);
    }

    [Fact]
    public void Qualifiers_and_FOLLOWEDBY_keep_the_terms_of_their_expressions()
    {
        Assert.Equal(
            ["domain-name:value = Text:a.example"],
            Texts(Terms("([domain-name:value = 'a.example'] FOLLOWEDBY [url:value MATCHES 'x']) WITHIN 60 SECONDS")));
        Assert.Equal(["url:value = Text:u"], Texts(Terms("[url:value = 'u'] REPEATS 3 TIMES")));
    }

    [Fact]
    public void Index_terms_add_LIKE_prefixes_and_ISSUBSET_blocks()
    {
        Assert.Equal(
            ["url:value = TextPrefix:https://vote-update.example/"],
            Texts(PatternTerms.ExtractIndexTerms(StixPatternParser.Parse("[url:value LIKE 'https://Vote-Update.example/%']"))));
        Assert.Equal(
            ["ipv4-addr:value = AddressBlock:203.0.113.0/24"],
            Texts(PatternTerms.ExtractIndexTerms(StixPatternParser.Parse("[ipv4-addr:value ISSUBSET '203.0.113.7/24']"))));
        Assert.False(PatternTerms.ExtractIndexTerms(StixPatternParser.Parse("[url:value LIKE '%.example/']")).IsIndexable);
        Assert.False(PatternTerms.ExtractIndexTerms(StixPatternParser.Parse("[url:value NOT LIKE 'https://%']")).IsIndexable);
        Assert.False(PatternTerms.ExtractEqualityTerms(StixPatternParser.Parse("[url:value LIKE 'https://%']")).IsIndexable);
    }
}
