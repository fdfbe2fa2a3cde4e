using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Tests.Observables;

public sealed class ValueNormalizerTests
{
    private static ObservableNormalizer Normalizer => TestSuffixes.Observables;

    [Theory]
    [InlineData("twitter", "@Jack", "x", "jack")]
    [InlineData("X", "jack", "x", "jack")]
    [InlineData("twitter.com", " JACK ", "x", "jack")]
    [InlineData("fb", "Some.Page", "facebook", "some.page")]
    [InlineData("Instagram", "@RT_PressOffice_", "instagram", "rt_pressoffice_")]
    [InlineData("yt", "@SomeChannel", "youtube", "somechannel")]
    [InlineData("tg", "@rian_ru", "telegram", "rian_ru")]
    [InlineData("vkontakte", "durov", "vk", "durov")]
    [InlineData("reddit", "u/Spez", "reddit", "spez")]
    [InlineData("tiktok", "@User.Name", "tiktok", "user.name")]
    public void Account_handle_is_lowercased_under_its_canonical_platform(string platform, string handle, string canonical, string value) =>
        Assert.Equal(new ObservableKey(ObservableKind.Account, canonical, value), AccountNormalizer.Handle(platform, handle));

    [Fact]
    public void Account_user_id_is_kept_as_given_with_an_id_prefix() =>
        Assert.Equal("account:youtube:id:UCabcDEF", AccountNormalizer.UserId("youtube", "UCabcDEF").ToString());

    [Fact]
    public void Unknown_platform_is_an_error_naming_it()
    {
        var error = Assert.Throws<ObservableFormatException>(() => AccountNormalizer.Handle("myspace2", "tom"));
        Assert.Contains("unknown platform 'myspace2'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("John.Doe@Example.COM", "john.doe@example.com")]
    [InlineData("mailto:info@bücher.de", "info@xn--bcher-kva.de")]
    [InlineData(" a+tag@gmail.com ", "a+tag@gmail.com")]
    public void Email_is_lowercased_with_an_ascii_domain(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(ObservableKind.Email, input).Key.Value);

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a@")]
    [InlineData("a b@example.com")]
    [InlineData("a@exa mple.com")]
    public void Bad_email_is_rejected(string input) =>
        Assert.Throws<ObservableFormatException>(() => Normalizer.Normalize(ObservableKind.Email, input));

    [Theory]
    [InlineData("192.168.001.1", null)]
    [InlineData("192.168.1.1", "192.168.1.1")]
    [InlineData(" 10.0.0.5/24 ", "10.0.0.0/24")]
    [InlineData("10.0.0.5/32", "10.0.0.5")]
    [InlineData("256.1.1.1", null)]
    [InlineData("1.2.3", null)]
    [InlineData("0x7f.0.0.1", null)]
    public void Ipv4_has_one_canonical_form(string input, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<ObservableFormatException>(() => Normalizer.Normalize(ObservableKind.Ipv4, input));
        }
        else
        {
            Assert.Equal(expected, Normalizer.Normalize(ObservableKind.Ipv4, input).Key.Value);
        }
    }

    [Theory]
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8::1234/32", "2001:db8::/32")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    public void Ipv6_is_written_in_rfc_5952_form(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(ObservableKind.Ipv6, input).Key.Value);

    [Fact]
    public void Ipv4_mapped_ipv6_becomes_ipv4() =>
        Assert.Equal(new ObservableKey(ObservableKind.Ipv4, string.Empty, "1.2.3.4"), Normalizer.Normalize(ObservableKind.Ipv6, "::ffff:1.2.3.4").Key);

    [Fact]
    public void Ipv6_given_as_ipv4_is_rejected() =>
        Assert.Contains("ipv6", Assert.Throws<ObservableFormatException>(() => Normalizer.Normalize(ObservableKind.Ipv4, "2001:db8::1")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("SHA-256", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "sha256")]
    [InlineData("MD5", "D41D8CD98F00B204E9800998ECF8427E", "md5")]
    [InlineData("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1")]
    [InlineData("SHA3-256", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", "sha3256")]
    public void File_hash_is_lowercase_hex_under_its_algorithm(string algorithm, string value, string qualifier)
    {
        var key = HashNormalizer.Normalize(algorithm, value);
        Assert.Equal(ObservableKind.FileHash, key.Kind);
        Assert.Equal(qualifier, key.Qualifier);
        Assert.Equal(value.ToLowerInvariant(), key.Value);
    }

    [Theory]
    [InlineData("SHA-256", "abc", "64 hex digits")]
    [InlineData("MD5", "d41d8cd98f00b204e9800998ecf8427g", "not a hex digit")]
    [InlineData("CRC99", "00", "unknown hash algorithm")]
    public void Bad_hash_is_rejected_with_the_reason(string algorithm, string value, string fragment) =>
        Assert.Contains(fragment, Assert.Throws<ObservableFormatException>(() => HashNormalizer.Normalize(algorithm, value)).Message, StringComparison.Ordinal);

    [Fact]
    public void Pdq_hash_has_its_own_kind()
    {
        var key = HashNormalizer.Normalize("PDQ", new string('F', 64));
        Assert.Equal(new ObservableKey(ObservableKind.Pdq, string.Empty, new string('f', 64)), key);
    }

    [Theory]
    [InlineData("url:https://example.com/")]
    [InlineData("file-hash:sha256:abcd")]
    [InlineData("account:x:jack")]
    [InlineData("account:x:id:12345")]
    public void Key_text_form_round_trips(string text) =>
        Assert.Equal(text, ObservableKey.Parse(text).ToString());

    [Theory]
    [InlineData("nope:1")]
    [InlineData("account:x")]
    [InlineData("url:")]
    public void Bad_key_text_is_rejected(string text) =>
        Assert.Throws<FormatException>(() => ObservableKey.Parse(text));
}
