namespace Vigil.Correlation.Observables;

/// <summary>
/// Email keys: the whole address lowercased, the domain in punycode. RFC 5321 lets a local part be case-sensitive, but no
/// mail provider in practice treats it so, and a missed correlation costs more than that theoretical merge. Provider rules
/// such as Gmail's dots and <c>+tags</c> are not applied: they are provider-specific and would merge distinct addresses elsewhere.
/// </summary>
public sealed class EmailNormalizer(DomainNormalizer domains)
{
    public NormalizedObservable Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            throw new ObservableFormatException(ObservableKind.Email, input, "expected local-part@domain");
        }

        var local = text[..at];
        if (local.Length > 64 || local.AsSpan().ContainsAny(" \t\r\n<>()[],;:\\"))
        {
            throw new ObservableFormatException(ObservableKind.Email, input, "the local part has forbidden characters or is longer than 64");
        }

        if (!domains.TryNormalize(text[(at + 1)..], out var domain, out var error))
        {
            throw new ObservableFormatException(ObservableKind.Email, input, "invalid domain: " + error);
        }

        var related = new List<ObservableKey>(2) { new(ObservableKind.Domain, string.Empty, domain.Host) };
        if (domain.RegistrableDomain is not null && domain.RegistrableDomain != domain.Host)
        {
            related.Add(new ObservableKey(ObservableKind.Domain, string.Empty, domain.RegistrableDomain));
        }

        var lowered = local.ToLowerInvariant();
        return new NormalizedObservable
        {
            Key = new ObservableKey(ObservableKind.Email, string.Empty, lowered + "@" + domain.Host),
            Flags = domain.Flags,
            Display = lowered + "@" + domain.Unicode,
            Skeleton = domain.Skeleton,
            Related = related,
        };
    }
}
