namespace Vigil.Correlation.PublicSuffix;

/// <summary>
/// Where the public suffix and the registrable domain start inside the host that was matched.
/// <see cref="RegistrableStart"/> is -1 when the host is itself a public suffix.
/// <see cref="Listed"/> is false when only the implicit <c>*</c> rule applied (unknown TLD).
/// </summary>
public readonly record struct PublicSuffixMatch(int SuffixStart, int RegistrableStart, bool Listed, PublicSuffixSection Section);
