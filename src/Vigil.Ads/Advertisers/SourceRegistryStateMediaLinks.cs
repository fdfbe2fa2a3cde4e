using Vigil.Correlation.Observables;
using Vigil.Correlation.Sources;

namespace Vigil.Ads.Advertisers;

/// <summary>
/// State-media labels from the correlation source registry: the advertiser's websites by host, its accounts by platform and id.
/// Labels of independent public media (<see cref="StateControl.PublicIndependent"/>) do not count: the policy is about
/// state-affiliated outlets, not public broadcasters with editorial independence.
/// </summary>
public sealed class SourceRegistryStateMediaLinks(SourceRegistry registry) : IStateMediaLinks
{
    public IReadOnlyList<StateMediaLink> Find(Advertiser advertiser)
    {
        ArgumentNullException.ThrowIfNull(advertiser);
        var links = new List<StateMediaLink>();
        foreach (var site in advertiser.Websites)
        {
            foreach (var label in registry.Lookup(site).StateMedia)
            {
                if (label.Control == StateControl.PublicIndependent)
                {
                    continue;
                }

                links.Add(new StateMediaLink(site, label.Outlet, label.Country, label.StateBody, label.Provider));
            }
        }

        foreach (var account in advertiser.Accounts)
        {
            var key = new ObservableKey(ObservableKind.Account, account.Platform.ToLowerInvariant(), account.AccountId.ToLowerInvariant());
            foreach (var label in registry.LookupAccount(key))
            {
                if (label.Control == StateControl.PublicIndependent)
                {
                    continue;
                }

                links.Add(new StateMediaLink($"{account.Platform}:{account.AccountId}", label.Outlet, label.Country, label.StateBody, label.Provider));
            }
        }

        return links;
    }
}
