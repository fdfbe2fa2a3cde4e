namespace Vigil.Correlation.Observables;

/// <summary>Stable text names of <see cref="ObservableKind"/> values.</summary>
public static class ObservableKinds
{
    public static string Name(ObservableKind kind) => kind switch
    {
        ObservableKind.Url => "url",
        ObservableKind.Domain => "domain",
        ObservableKind.Account => "account",
        ObservableKind.Email => "email",
        ObservableKind.Ipv4 => "ipv4",
        ObservableKind.Ipv6 => "ipv6",
        ObservableKind.FileHash => "file-hash",
        ObservableKind.Pdq => "pdq",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown observable kind"),
    };

    public static bool TryParse(ReadOnlySpan<char> name, out ObservableKind kind)
    {
        kind = name switch
        {
            "url" => ObservableKind.Url,
            "domain" => ObservableKind.Domain,
            "account" => ObservableKind.Account,
            "email" => ObservableKind.Email,
            "ipv4" => ObservableKind.Ipv4,
            "ipv6" => ObservableKind.Ipv6,
            "file-hash" => ObservableKind.FileHash,
            "pdq" => ObservableKind.Pdq,
            _ => (ObservableKind)(-1),
        };
        return kind >= 0;
    }

    /// <summary>Kinds whose key carries a qualifier (hash algorithm, account platform).</summary>
    public static bool HasQualifier(ObservableKind kind) => kind is ObservableKind.FileHash or ObservableKind.Account;
}
