using System.Text.Json.Nodes;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Tests.Extraction;

public sealed class StixObservableExtractorTests
{
    private static readonly StixObservableExtractor Extractor = new(TestSuffixes.Observables);

    private static ExtractionResult Extract(string json) => Extractor.Extract(JsonNode.Parse(json)!.AsObject());

    private static string[] Keys(ExtractionResult result) => [.. result.Keys.Select(k => k.ToString())];

    [Fact]
    public void Url_object_gives_url_host_and_registrable_domain()
    {
        var result = Extract("""{"type":"url","id":"url--1","value":"https://News.Example.org/a?utm_source=fb"}""");
        Assert.Equal(["url:https://news.example.org/a", "domain:news.example.org", "domain:example.org"], Keys(result));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Domain_ip_and_email_objects_give_their_values()
    {
        Assert.Contains("domain:example.com", Keys(Extract("""{"type":"domain-name","value":"WWW.example.com."}""")));
        Assert.Equal(["ipv4:10.1.2.3"], Keys(Extract("""{"type":"ipv4-addr","value":"10.1.2.3"}""")));
        Assert.Equal(["ipv6:2001:db8::1"], Keys(Extract("""{"type":"ipv6-addr","value":"2001:DB8::1"}""")));
        Assert.Contains("email:press@example.com", Keys(Extract("""{"type":"email-addr","value":"Press@Example.com"}""")));
    }

    [Fact]
    public void User_account_gives_handle_and_id_under_its_platform()
    {
        var result = Extract("""{"type":"user-account","account_type":"twitter","account_login":"@SomeBot","user_id":"12345"}""");
        Assert.Equal(["account:x:somebot", "account:x:id:12345"], Keys(result));
    }

    [Fact]
    public void Custom_platform_property_wins_over_account_type() =>
        Assert.Equal(["account:telegram:channel1"], Keys(Extract("""{"type":"user-account","account_type":"openid","x_platform":"telegram","account_login":"Channel1"}""")));

    [Fact]
    public void User_account_on_unknown_platform_is_a_problem_naming_it()
    {
        var result = Extract("""{"type":"user-account","account_type":"unix","account_login":"root"}""");
        Assert.Empty(result.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("account_login", problem.Path);
        Assert.Contains("unknown platform 'unix'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_hashes_include_pdq()
    {
        var pdq = new string('a', 64);
        var sha = new string('B', 64);
        var result = Extract("{\"type\":\"file\",\"hashes\":{\"SHA-256\":\"" + sha + "\",\"MD5\":\"bad\",\"PDQ\":\"" + pdq + "\"}}");
        Assert.Equal([$"file-hash:sha256:{new string('b', 64)}", $"pdq:{pdq}"], Keys(result));
        Assert.Equal("hashes.MD5", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Indicator_pattern_equality_terms_are_extracted()
    {
        var result = Extract("""
            {"type":"indicator","pattern_type":"stix",
             "pattern":"[url:value = 'http://evil.example.net/x?gclid=1'] OR [domain-name:value = 'Bad.Example.org'] OR [file:hashes.'SHA-1' = 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709'] OR [user-account:account_type = 'facebook' AND user-account:account_login = 'FakePage']"}
            """);
        var keys = Keys(result);
        Assert.Contains("url:http://evil.example.net/x", keys);
        Assert.Contains("domain:bad.example.org", keys);
        Assert.Contains("file-hash:sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", keys);
        Assert.Contains("account:facebook:fakepage", keys);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Pattern_account_without_platform_is_a_problem()
    {
        var result = Extract("""{"type":"indicator","pattern_type":"stix","pattern":"[user-account:account_login = 'x']"}""");
        Assert.Contains("no account_type", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_pattern_is_reported_and_still_scanned()
    {
        var result = Extract("""{"type":"indicator","pattern_type":"stix","pattern":"[domain-name:value = 'x.example.com' AND"}""");
        Assert.Contains("does not parse", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Contains("domain:x.example.com", Keys(result));
    }

    [Fact]
    public void Pattern_terms_under_and_are_all_kept()
    {
        var result = Extract("""{"type":"indicator","pattern_type":"stix","pattern":"[ipv4-addr:value = '203.0.113.9' AND ipv4-addr:value = '203.0.113.10'] WITHIN 300 SECONDS"}""");
        Assert.Equal(["ipv4:203.0.113.9", "ipv4:203.0.113.10"], Keys(result));
    }

    [Fact]
    public void Non_stix_patterns_are_not_read() =>
        Assert.Empty(Extract("""{"type":"indicator","pattern_type":"yara","pattern":"rule x { strings: $a = \"[url:value = 'http://a.com/']\" }"}""").Keys);

    [Fact]
    public void Urls_and_domains_in_description_and_name_are_extracted()
    {
        var result = Extract("""
            {"type":"campaign","name":"Push of vote-fraud.example.com",
             "description":"Links to hxxps://fake-news[.]example[.]net/story?utm_medium=x and https://bit.ly/abc. See report.pdf, setup.py and e.g. the notes."}
            """);
        var keys = Keys(result);
        Assert.Contains("domain:vote-fraud.example.com", keys);
        Assert.Contains("url:https://fake-news.example.net/story", keys);
        Assert.Contains("url:https://bit.ly/abc", keys);
        Assert.DoesNotContain(keys, k => k.Contains("report.pdf", StringComparison.Ordinal) || k.Contains("setup.py", StringComparison.Ordinal) || k.Contains("e.g", StringComparison.Ordinal));
        Assert.True(result.Observables.Single(o => o.Observable.Key.Value == "https://bit.ly/abc").Observable.Flags.HasFlag(ObservableFlags.Shortener));
    }

    [Fact]
    public void Malformed_url_value_is_a_problem_with_its_path()
    {
        var result = Extract("""{"type":"url","value":"not a url"}""");
        Assert.Empty(result.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("value", problem.Path);
        Assert.Contains("missing scheme", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_observed_data_objects_are_read()
    {
        var result = Extract("""{"type":"observed-data","objects":{"0":{"type":"ipv4-addr","value":"198.51.100.7"},"1":{"type":"url","value":"::bad"}}}""");
        Assert.Equal(["ipv4:198.51.100.7"], Keys(result));
        Assert.Equal("objects.1.value", Assert.Single(result.Problems).Path);
    }
}
