using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Watchlists;

/// <summary>
/// What a member wants to hear about. Criteria are alternatives: an object matching any of them hits the subscription.
/// <see cref="Types"/> are STIX types (<c>indicator</c>), <see cref="Labels"/> compare case-insensitively, <see cref="CampaignIds"/>
/// are STIX ids of campaigns, <see cref="Patterns"/> are STIX patterns, <see cref="CorrelatedWithOwnShares"/> asks for anything that
/// touches a value the subscriber has shared itself. Objects the subscriber shared are not reported unless <see cref="IncludeOwnObjects"/>.
/// </summary>
public sealed record WatchlistSubscription
{
    public required string Id { get; init; }

    /// <summary>The member (organization) that subscribed; compared with <see cref="WatchlistCandidate.SharedBy"/>.</summary>
    public required string SubscriberId { get; init; }

    public IReadOnlyList<ObservableKey> Values { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> CampaignIds { get; init; } = [];
    public IReadOnlyList<string> Patterns { get; init; } = [];
    public bool CorrelatedWithOwnShares { get; init; }
    public bool IncludeOwnObjects { get; init; }
}
