using CsCheck;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.Sources;

namespace Vigil.Correlation.Tests.Observables;

/// <summary>Bad input must give an error value or a format error, never another exception.</summary>
public sealed class ArbitraryInputTests
{
    private static readonly Gen<string> UrlLike =
        Gen.Char["hxtps:/.[]@%?#&=\\ ЕеxаÜü0123456789-_:~"].Array[0, 40].Select(chars => new string(chars));

    [Fact]
    public void Url_normalizer_answers_every_input_with_a_url_or_an_error() =>
        UrlLike.Sample(input =>
        {
            var ok = TestSuffixes.Observables.Urls.TryNormalize(input, out var url, out var error);
            Assert.True(ok ? url is not null : !string.IsNullOrEmpty(error));
        });

    [Fact]
    public void Domain_normalizer_answers_every_input_with_a_domain_or_an_error() =>
        Gen.String.Sample(input =>
        {
            var ok = TestSuffixes.Observables.Domains.TryNormalize(input, out var domain, out var error);
            Assert.True(ok ? domain is not null : !string.IsNullOrEmpty(error));
        });

    [Fact]
    public void Every_kind_fails_only_with_a_format_error() =>
        Gen.Select(Gen.Enum<ObservableKind>(), Gen.String, Gen.String["xtwiterSHA-256md5"]).Sample((kind, value, qualifier) =>
        {
            try
            {
                Assert.NotNull(TestSuffixes.Observables.Normalize(kind, value, qualifier));
            }
            catch (ObservableFormatException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Message));
            }
        });

    [Fact]
    public void Scanners_and_source_host_parser_accept_any_text() =>
        Gen.String.Sample(input =>
        {
            _ = PatternEqualityScanner.Scan(input);
            _ = PatternEqualityScanner.ObjectTypes(input);
            _ = TextObservableScanner.Scan(input);
            _ = SourceHost.TryParse(input, out _, out _, out _);
        });
}
