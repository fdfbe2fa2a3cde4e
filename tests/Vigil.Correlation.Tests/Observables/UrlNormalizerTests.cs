using CsCheck;
using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Tests.Observables;

public sealed class UrlNormalizerTests
{
    private static UrlNormalizer Urls => TestSuffixes.Observables.Urls;

    [Theory]
    [InlineData("https://WWW.Example.COM:443/a/../b?utm_source=x&id=1#frag", "https://www.example.com/b?id=1")]
    [InlineData("HTTP://Example.com", "http://example.com/")]
    [InlineData("http://example.com:80/", "http://example.com/")]
    [InlineData("http://example.com:8080/", "http://example.com:8080/")]
    [InlineData("https://example.com:443", "https://example.com/")]
    [InlineData("ftp://files.example.org:21/pub", "ftp://files.example.org/pub")]
    [InlineData("https://example.com./path", "https://example.com/path")]
    [InlineData("https://example.com/a/./b/../../c", "https://example.com/c")]
    [InlineData("https://example.com/a/b/..", "https://example.com/a/")]
    [InlineData("https://example.com/../../x", "https://example.com/x")]
    [InlineData("https://example.com/%7euser/%41bc", "https://example.com/~user/Abc")]
    [InlineData("https://example.com/a%2fb%c3%a9", "https://example.com/a%2Fb%C3%A9")]
    [InlineData("https://example.com/hello world", "https://example.com/hello%20world")]
    [InlineData("https://example.com/café", "https://example.com/caf%C3%A9")]
    [InlineData("https://example.com/100%", "https://example.com/100%25")]
    [InlineData("https://example.com/?b=2&a=1&a=0", "https://example.com/?a=1&a=0&b=2")]
    [InlineData("https://example.com/?fbclid=abc&gclid=def&mc_eid=1&igshid=2", "https://example.com/")]
    [InlineData("https://example.com/p?UTM_Medium=social&q=vote", "https://example.com/p?q=vote")]
    [InlineData("https://example.com/p?", "https://example.com/p")]
    [InlineData("https://example.com/p#section", "https://example.com/p")]
    [InlineData("https://user:pass@example.com/", "https://example.com/")]
    [InlineData("  https://example.com/  ", "https://example.com/")]
    [InlineData("https://example.com\\a\\b", "https://example.com/a/b")]
    [InlineData("hxxps://evil[.]example[.]com/login", "https://evil.example.com/login")]
    [InlineData("http://192.168.1.1:80/x", "http://192.168.1.1/x")]
    [InlineData("http://[2001:DB8::0:1]:8080/", "http://[2001:db8::1]:8080/")]
    [InlineData("https://bücher.de/", "https://xn--bcher-kva.de/")]
    [InlineData("https://BÜCHER.de/", "https://xn--bcher-kva.de/")]
    public void Url_normalizes_to_its_canonical_form(string input, string expected) =>
        Assert.Equal(expected, Urls.Normalize(input).Url);

    [Theory]
    [InlineData("example.com/path", "missing scheme")]
    [InlineData("", "empty")]
    [InlineData("javascript:alert(1)", "not supported")]
    [InlineData("mailto:a@example.com", "not supported")]
    [InlineData("https:/example.com", "'//'")]
    [InlineData("https://", "host is empty")]
    [InlineData("https://exa mple.com/", "not allowed in a host name")]
    [InlineData("https://example..com/", "label 2 is empty")]
    [InlineData("https://example.com:99999/", "port")]
    [InlineData("https://example.com:http/", "port")]
    [InlineData("https://[2001:db8::1/", "closing ']'")]
    [InlineData("https://[zz::1]/", "IP address")]
    public void Malformed_url_gives_an_error_naming_the_problem(string input, string fragment)
    {
        var error = Assert.Throws<ObservableFormatException>(() => Urls.Normalize(input));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(ObservableKind.Url, error.Kind);
    }

    [Theory]
    [InlineData("https://bit.ly/3abc")]
    [InlineData("https://t.co/xyz")]
    [InlineData("https://TinyURL.com/abc")]
    [InlineData("https://www.ow.ly/abc")]
    [InlineData("https://buff.ly/abc")]
    [InlineData("https://goo.gl/abc")]
    public void Known_shortener_is_flagged(string input) =>
        Assert.True(Urls.Normalize(input).Flags.HasFlag(ObservableFlags.Shortener));

    [Fact]
    public void Ordinary_host_is_not_flagged_as_shortener() =>
        Assert.Equal(ObservableFlags.None, Urls.Normalize("https://www.example.com/").Flags);

    [Fact]
    public void Idn_url_keeps_its_unicode_form_for_display()
    {
        var url = Urls.Normalize("https://bücher.de/x");
        Assert.Equal("https://bücher.de/x", url.Display);
        Assert.True(url.Flags.HasFlag(ObservableFlags.Punycode));
    }

    [Fact]
    public void Homoglyph_host_is_kept_and_flagged_with_its_skeleton()
    {
        // Cyrillic а (U+0430) and р (U+0440) in "paypal"
        var url = Urls.Normalize("https://\u0440\u0430yp\u0430l.com/login");
        Assert.StartsWith("https://xn--", url.Url, StringComparison.Ordinal);
        Assert.True(url.Flags.HasFlag(ObservableFlags.Confusable));
        Assert.True(url.Flags.HasFlag(ObservableFlags.MixedScript));
        Assert.Equal("paypal.com", url.Skeleton);
    }

    [Fact]
    public void Url_observable_carries_its_host_and_registrable_domain()
    {
        var observable = Urls.Normalize("https://News.Example.co.uk/a").ToObservable();
        Assert.Equal(new ObservableKey(ObservableKind.Url, string.Empty, "https://news.example.co.uk/a"), observable.Key);
        Assert.Contains(new ObservableKey(ObservableKind.Domain, string.Empty, "news.example.co.uk"), observable.Related);
        Assert.Contains(new ObservableKey(ObservableKind.Domain, string.Empty, "example.co.uk"), observable.Related);
    }

    [Fact]
    public void Defanged_and_user_info_urls_are_flagged()
    {
        Assert.True(Urls.Normalize("hxxp://example[.]com").Flags.HasFlag(ObservableFlags.Defanged));
        Assert.True(Urls.Normalize("http://paypal.com@evil.example/").Flags.HasFlag(ObservableFlags.UserInfo));
        Assert.Equal("evil.example", Urls.Normalize("http://paypal.com@evil.example/").Host);
    }

    [Fact]
    public void Normalization_is_idempotent_for_generated_urls()
    {
        var gen =
            from host in Gen.Char["abcdefghij"].Array[1, 10]
            from path in Gen.Char["abc./%20~é"].Array[0, 20]
            from query in Gen.Char["abc=&%"].Array[0, 12]
            select $"https://{new string(host)}.com/{new string(path)}?{new string(query)}";
        gen.Sample(input =>
        {
            if (Urls.TryNormalize(input, out var once, out _))
            {
                Assert.Equal(once.Url, Urls.Normalize(once.Url).Url);
            }
        });
    }
}
