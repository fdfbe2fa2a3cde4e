namespace Vigil.Correlation.Observables;

/// <summary>
/// A normalized URL. <see cref="Url"/> is the ASCII key form; <see cref="Display"/> shows an IDN host in Unicode.
/// <see cref="Host"/> is lowercase ASCII (a bracketed-free canonical address for IP hosts); <see cref="RegistrableDomain"/> is
/// null for IP hosts and for hosts that are themselves public suffixes.
/// </summary>
public sealed record NormalizedUrl
{
    public required string Url { get; init; }
    public required string Display { get; init; }
    public required string Scheme { get; init; }
    public required string Host { get; init; }
    public string? RegistrableDomain { get; init; }
    public int? Port { get; init; }
    public ObservableFlags Flags { get; init; }
    public string? Skeleton { get; init; }

    /// <summary>The URL's key with its host (domain or IP), registrable domain and, for a profile link, the account as related keys.</summary>
    public NormalizedObservable ToObservable()
    {
        var related = new List<ObservableKey>(2);
        if ((Flags & ObservableFlags.IpHost) != 0)
        {
            related.Add(new ObservableKey(Host.Contains(':', StringComparison.Ordinal) ? ObservableKind.Ipv6 : ObservableKind.Ipv4, string.Empty, Host));
        }
        else
        {
            related.Add(new ObservableKey(ObservableKind.Domain, string.Empty, Host));
            if (RegistrableDomain is not null && RegistrableDomain != Host)
            {
                related.Add(new ObservableKey(ObservableKind.Domain, string.Empty, RegistrableDomain));
            }

            if (ProfileUrls.TryGetAccount(this, out var account))
            {
                related.Add(account);
            }
        }

        return new NormalizedObservable
        {
            Key = new ObservableKey(ObservableKind.Url, string.Empty, Url),
            Flags = Flags,
            Display = Display,
            Skeleton = Skeleton,
            Related = related,
        };
    }
}
