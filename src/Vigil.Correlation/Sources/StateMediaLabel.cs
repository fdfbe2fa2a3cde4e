using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Sources;

/// <summary>A state-affiliated media label: outlet, affiliated country, state body or parent company, and the evidence.</summary>
public sealed record StateMediaLabel
{
    public required string Host { get; init; }
    public string? PathPrefix { get; init; }
    public required string Outlet { get; init; }
    public required string Country { get; init; }
    public required string StateBody { get; init; }
    public StateControl Control { get; init; }

    /// <summary>The provider's own code, e.g. State Media Monitor's <c>SC</c> or <c>ISFM</c>.</summary>
    public string? Typology { get; init; }

    public required string Provider { get; init; }
    public string? Evidence { get; init; }
    public string? Status { get; init; }

    /// <summary>The outlet's social-media accounts, when the source lists them.</summary>
    public IReadOnlyList<ObservableKey> Accounts { get; init; } = [];
}
