using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;

namespace Vigil.Correlation.Tests;

/// <summary>The Public Suffix List from Debian's publicsuffix package, loaded once for all tests (fails clearly when missing).</summary>
internal static class TestSuffixes
{
    private static readonly Lazy<PublicSuffixList> Loaded = new(PublicSuffixList.LoadDebian);
    private static readonly Lazy<ObservableNormalizer> Normalizer = new(() => new ObservableNormalizer(Loaded.Value));

    public static PublicSuffixList List => Loaded.Value;

    public static ObservableNormalizer Observables => Normalizer.Value;
}
