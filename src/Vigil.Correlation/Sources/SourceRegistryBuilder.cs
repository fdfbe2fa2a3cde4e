using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;

namespace Vigil.Correlation.Sources;

/// <summary>Collects ratings and labels (from any number of imports) and builds an immutable <see cref="SourceRegistry"/>.</summary>
public sealed class SourceRegistryBuilder(PublicSuffixList suffixes)
{
    private readonly Dictionary<string, (List<SourceRating> Ratings, List<StateMediaLabel> Labels)> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<ObservableKey, List<StateMediaLabel>> _accounts = [];
    private int _ratings;
    private int _labels;

    public SourceRegistryBuilder AddRatings(IEnumerable<SourceRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        foreach (var rating in ratings)
        {
            Slot(rating.Host).Ratings.Add(rating);
            _ratings++;
        }

        return this;
    }

    public SourceRegistryBuilder AddStateMedia(IEnumerable<StateMediaLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels)
        {
            Slot(label.Host).Labels.Add(label);
            _labels++;
            foreach (var account in label.Accounts)
            {
                if (!_accounts.TryGetValue(account, out var list))
                {
                    list = [];
                    _accounts[account] = list;
                }

                list.Add(label);
            }
        }

        return this;
    }

    public SourceRegistry Build()
    {
        var entries = new Dictionary<string, SourceRegistry.Entry>(_hosts.Count, StringComparer.Ordinal);
        foreach (var (host, slot) in _hosts)
        {
            entries[host] = new SourceRegistry.Entry([.. slot.Ratings], [.. slot.Labels]);
        }

        var accounts = new Dictionary<ObservableKey, StateMediaLabel[]>(_accounts.Count);
        foreach (var (account, labels) in _accounts)
        {
            accounts[account] = [.. labels];
        }

        return new SourceRegistry(entries, accounts, suffixes) { RatingCount = _ratings, StateMediaCount = _labels };
    }

    private (List<SourceRating> Ratings, List<StateMediaLabel> Labels) Slot(string host)
    {
        if (!_hosts.TryGetValue(host, out var slot))
        {
            slot = ([], []);
            _hosts[host] = slot;
        }

        return slot;
    }
}
