using Vigil.Correlation.Extraction;

namespace Vigil.Correlation.Tests.Extraction;

public sealed class PatternEqualityScannerTests
{
    [Fact]
    public void Simple_equality_term_is_found()
    {
        var term = Assert.Single(PatternEqualityScanner.Scan("[url:value = 'http://example.com/']"));
        Assert.Equal(("url", "value", "http://example.com/"), (term.ObjectType, term.PropertyPath, term.Value));
    }

    [Fact]
    public void Quoted_path_keys_and_escapes_are_read()
    {
        var terms = PatternEqualityScanner.Scan(@"[file:hashes.'SHA-256' = 'abc' OR file:name = 'it\'s \\here']");
        Assert.Equal("hashes.SHA-256", terms[0].PropertyPath);
        Assert.Equal(@"it's \here", terms[1].Value);
    }

    [Fact]
    public void Negated_and_inequality_terms_are_skipped()
    {
        var terms = PatternEqualityScanner.Scan("[domain-name:value != 'a.com' AND NOT domain-name:value = 'b.com' AND domain-name:value NOT = 'd.com' AND domain-name:value = 'c.com']");
        Assert.Equal("c.com", Assert.Single(terms).Value);
    }

    [Fact]
    public void In_list_gives_one_term_per_string()
    {
        var terms = PatternEqualityScanner.Scan("[ipv4-addr:value IN ('1.2.3.4', '5.6.7.8')]");
        Assert.Equal(["1.2.3.4", "5.6.7.8"], terms.Select(t => t.Value));
    }

    [Fact]
    public void Terms_are_numbered_by_observation()
    {
        var terms = PatternEqualityScanner.Scan("[user-account:account_login = 'a' AND user-account:account_type = 'twitter'] FOLLOWEDBY [url:value = 'http://x.org/'] WITHIN 600 SECONDS");
        Assert.Equal([0, 0, 1], terms.Select(t => t.Observation));
    }

    [Fact]
    public void Object_types_named_by_a_pattern_are_listed() =>
        Assert.Equal(["url", "file"], PatternEqualityScanner.ObjectTypes("[url:value LIKE '%x%'] OR [file:size > 10 AND file:name = 'url:value']"));
}
