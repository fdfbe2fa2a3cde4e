using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Tests.Patterning;

/// <summary>The kinds of indicator the exchange carries, against the observables members report.</summary>
public sealed class IndicatorScenarioTests
{
    private static StixPattern Parse(string text) => StixPatternParser.Parse(text);

    [Fact]
    public void Url_indicator_matches_that_url_only()
    {
        var indicator = Parse("[url:value = 'https://vote-update.example/polling-place?id=7']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.Url("https://vote-update.example/polling-place?id=7")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Url("https://vote-update.example/polling-place?id=8")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Domain("vote-update.example")));
    }

    [Fact]
    public void Url_prefix_indicator_matches_every_page_of_the_site()
    {
        var indicator = Parse("[url:value LIKE 'https://vote-update.example/%']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.Url("https://vote-update.example/polling-place?id=7")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Url("https://vote-update.example.net/")));
    }

    [Fact]
    public void Domain_indicator_matches_regardless_of_case_and_not_other_domains()
    {
        var indicator = Parse("[domain-name:value = 'ballot-check.example']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.Domain("ballot-check.example")));
        Assert.True(PatternEvaluator.Matches(indicator, Sco.Domain("Ballot-Check.EXAMPLE")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Domain("ballot-check.example.org")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Url("https://ballot-check.example/")));
    }

    [Fact]
    public void Subdomain_indicator_written_with_MATCHES_matches_subdomains()
    {
        var indicator = Parse(@"[domain-name:value MATCHES '(^|\\.)ballot-check\\.example$']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.Domain("www.ballot-check.example")));
        Assert.True(PatternEvaluator.Matches(indicator, Sco.Domain("ballot-check.example")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Domain("notballot-check.example")));
    }

    [Fact]
    public void User_account_indicator_needs_login_and_platform_on_the_same_account()
    {
        var indicator = Parse("[user-account:account_login = 'civic_truth_2024' AND user-account:account_type = 'twitter']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.Account("civic_truth_2024", "twitter")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Account("civic_truth_2024", "facebook")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.At(0, Sco.Account("civic_truth_2024", "facebook"), Sco.Account("someone_else", "twitter"))));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Account("Civic_Truth_2024", "twitter")));
    }

    [Fact]
    public void File_hash_indicator_matches_by_sha256_or_md5()
    {
        var indicator = Parse("[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.File(sha256: "bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c")));
        Assert.True(PatternEvaluator.Matches(indicator, Sco.File(md5: "CEAD3F77F6CDA6EC00F57D76C9A6879F")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.File(sha256: "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", md5: "79054025255fb1a26e4bc422aef54eb4")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.File(name: "cead3f77f6cda6ec00f57d76c9a6879f")));
    }

    [Fact]
    public void Network_indicator_matches_addresses_inside_the_block()
    {
        var indicator = Parse("[ipv4-addr:value ISSUBSET '203.0.113.0/24']");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.Ipv4("203.0.113.77")));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.Ipv4("203.0.114.1")));
    }

    [Fact]
    public void Email_address_indicator_matches_the_sender_of_a_message()
    {
        var indicator = Parse("[email-message:from_ref.value = 'noreply@ballot-check.example']");
        var from = Sco.Json("""{"type":"email-addr","id":"email-addr--33333333-3333-4333-8333-333333333333","value":"noreply@ballot-check.example"}""");
        var message = Sco.Json("""{"type":"email-message","is_multipart":false,"from_ref":"email-addr--33333333-3333-4333-8333-333333333333"}""");

        Assert.True(PatternEvaluator.Matches(indicator, Sco.At(0, message, from)));
        Assert.False(PatternEvaluator.Matches(indicator, Sco.At(0, from)));
    }
}
