namespace Vigil.Correlation.PublicSuffix;

/// <summary>The part of the list a rule comes from: ICANN (delegated TLDs) or private (e.g. <c>github.io</c>).</summary>
public enum PublicSuffixSection
{
    Icann,
    Private,
}
