using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Tests.Observables;

public sealed class DomainNormalizerTests
{
    private static DomainNormalizer Domains => TestSuffixes.Observables.Domains;

    [Theory]
    [InlineData("Example.COM.", "example.com", "example.com")]
    [InlineData("www.bbc.co.uk", "www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("de.rt.com", "de.rt.com", "rt.com")]
    [InlineData("someone.github.io", "someone.github.io", "someone.github.io")]
    [InlineData("a.b.c.example.com.au", "a.b.c.example.com.au", "example.com.au")]
    [InlineData("example[.]org", "example.org", "example.org")]
    [InlineData("_dmarc.example.com", "_dmarc.example.com", "example.com")]
    [InlineData("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com", "example.com")]
    public void Domain_normalizes_and_finds_its_registrable_domain(string input, string host, string registrable)
    {
        var domain = Domains.Normalize(input);
        Assert.Equal(host, domain.Host);
        Assert.Equal(registrable, domain.RegistrableDomain);
    }

    [Fact]
    public void Public_suffix_itself_has_no_registrable_domain()
    {
        var domain = Domains.Normalize("co.uk");
        Assert.Null(domain.RegistrableDomain);
        Assert.Equal("co.uk", domain.PublicSuffix);
    }

    [Fact]
    public void Punycode_domain_is_kept_and_flagged_with_its_unicode_form()
    {
        var domain = Domains.Normalize("xn--bcher-kva.de");
        Assert.Equal("xn--bcher-kva.de", domain.Host);
        Assert.Equal("bücher.de", domain.Unicode);
        Assert.True(domain.Flags.HasFlag(ObservableFlags.Punycode));
        Assert.False(domain.Flags.HasFlag(ObservableFlags.Confusable));
    }

    [Fact]
    public void Mixed_script_homoglyph_domain_is_flagged_confusable()
    {
        // "gооgle.com" with two Cyrillic о (U+043E)
        var domain = Domains.Normalize("g\u043E\u043Egle.com");
        Assert.True(domain.Flags.HasFlag(ObservableFlags.Punycode | ObservableFlags.MixedScript | ObservableFlags.Confusable));
        Assert.Equal("google.com", domain.Skeleton);
        Assert.Equal(Domains.Normalize(domain.Host).Host, domain.Host);
    }

    [Fact]
    public void Whole_script_greek_look_alike_is_confusable_but_not_mixed()
    {
        // "ορα" all Greek: omicron, rho, alpha
        var domain = Domains.Normalize("\u03BF\u03C1\u03B1.com");
        Assert.True(domain.Flags.HasFlag(ObservableFlags.Confusable));
        Assert.False(domain.Flags.HasFlag(ObservableFlags.MixedScript));
        Assert.Equal("opa.com", domain.Skeleton);
    }

    [Fact]
    public void Unlisted_top_level_domain_is_flagged()
    {
        var domain = Domains.Normalize("server.corp-internal");
        Assert.True(domain.Flags.HasFlag(ObservableFlags.UnlistedSuffix));
        Assert.Equal("server.corp-internal", domain.RegistrableDomain);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(".example.com", "label 1 is empty")]
    [InlineData("exa mple.com", "not allowed")]
    [InlineData("1.2.3.4", "IP address is not a domain")]
    [InlineData("xn--zz.com", "punycode")]
    public void Bad_domain_is_rejected_with_the_reason(string input, string fragment)
    {
        var error = Assert.Throws<ObservableFormatException>(() => Domains.Normalize(input));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_label_is_rejected() =>
        Assert.Contains("longer than 63", Assert.Throws<ObservableFormatException>(() => Domains.Normalize(new string('a', 64) + ".com")).Message, StringComparison.Ordinal);
}
