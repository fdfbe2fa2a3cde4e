using Vigil.Correlation.PublicSuffix;

namespace Vigil.Correlation.Observables;

/// <summary>One entry point for every kind of observable. Thread-safe; build one per process and share it.</summary>
public sealed class ObservableNormalizer
{
    public ObservableNormalizer(PublicSuffixList suffixes)
    {
        Domains = new DomainNormalizer(suffixes);
        Urls = new UrlNormalizer(Domains);
        Emails = new EmailNormalizer(Domains);
    }

    public DomainNormalizer Domains { get; }
    public UrlNormalizer Urls { get; }
    public EmailNormalizer Emails { get; }

    /// <summary>Normalizes a value of a given kind. <paramref name="qualifier"/> is the platform for accounts and the algorithm for hashes.</summary>
    /// <exception cref="ObservableFormatException">The value (or platform, or algorithm) is not valid; the message says why.</exception>
    public NormalizedObservable Normalize(ObservableKind kind, string value, string? qualifier = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (kind)
        {
            case ObservableKind.Url:
                return Urls.Normalize(value).ToObservable();
            case ObservableKind.Domain:
                return Domain(value);
            case ObservableKind.Email:
                return Emails.Normalize(value);
            case ObservableKind.Ipv4:
            case ObservableKind.Ipv6:
                var ip = IpNormalizer.TryNormalize(value, out var key, out var error) ? key : throw new ObservableFormatException(kind, value, error);
                return ip.Kind == kind || value.Contains("::ffff:", StringComparison.OrdinalIgnoreCase)
                    ? new NormalizedObservable { Key = ip }
                    : throw new ObservableFormatException(kind, value, $"this is an {ObservableKinds.Name(ip.Kind)} address");
            case ObservableKind.Account:
                return new NormalizedObservable
                {
                    Key = AccountNormalizer.Handle(qualifier ?? throw new ObservableFormatException(kind, value, "the platform is missing"), value),
                };
            case ObservableKind.FileHash:
                return new NormalizedObservable
                {
                    Key = HashNormalizer.Normalize(qualifier ?? throw new ObservableFormatException(kind, value, "the hash algorithm is missing"), value),
                };
            case ObservableKind.Pdq:
                return new NormalizedObservable { Key = HashNormalizer.Normalize("pdq", value) };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown observable kind");
        }
    }

    public NormalizedObservable Domain(string value)
    {
        var domain = Domains.Normalize(value);
        var related = domain.RegistrableDomain is not null && domain.RegistrableDomain != domain.Host
            ? new[] { new ObservableKey(ObservableKind.Domain, string.Empty, domain.RegistrableDomain) }
            : [];
        return new NormalizedObservable
        {
            Key = new ObservableKey(ObservableKind.Domain, string.Empty, domain.Host),
            Flags = domain.Flags,
            Display = domain.Unicode,
            Skeleton = domain.Skeleton,
            Related = related,
        };
    }
}
