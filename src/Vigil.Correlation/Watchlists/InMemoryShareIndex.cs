using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Watchlists;

/// <summary>An <see cref="IShareIndex"/> held in memory, for tests and single-process use. Not thread-safe for writes.</summary>
public sealed class InMemoryShareIndex : IShareIndex
{
    private readonly Dictionary<ObservableKey, HashSet<string>> _sharers = [];

    public void Add(string memberId, IEnumerable<ObservableKey> keys)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            if (!_sharers.TryGetValue(key, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                _sharers[key] = set;
            }

            set.Add(memberId);
        }
    }

    public void AddSharersOf(ObservableKey key, ICollection<string> sharers)
    {
        ArgumentNullException.ThrowIfNull(sharers);
        if (_sharers.TryGetValue(key, out var set))
        {
            foreach (var member in set)
            {
                sharers.Add(member);
            }
        }
    }
}
