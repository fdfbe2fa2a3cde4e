namespace Vigil.Correlation.Observables;

/// <summary>What an observable value is; the text form (<see cref="ObservableKinds.Name"/>) is stable and used in keys.</summary>
public enum ObservableKind
{
    Url,
    Domain,
    Account,
    Email,
    Ipv4,
    Ipv6,
    FileHash,
    Pdq,
}
