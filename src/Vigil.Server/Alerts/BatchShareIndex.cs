using Vigil.Correlation.Observables;
using Vigil.Correlation.Watchlists;

namespace Vigil.Server.Alerts;

/// <summary>The sharers of the keys of the batch being matched, loaded from the database before each batch (the dispatcher is single-threaded).</summary>
internal sealed class BatchShareIndex : IShareIndex
{
    private Dictionary<string, HashSet<string>> _sharers = new(StringComparer.Ordinal);

    public void Load(Dictionary<string, HashSet<string>> sharers) => _sharers = sharers;

    public void AddSharersOf(ObservableKey key, ICollection<string> sharers)
    {
        ArgumentNullException.ThrowIfNull(sharers);
        if (_sharers.TryGetValue(key.ToString(), out var orgs))
        {
            foreach (var org in orgs)
            {
                sharers.Add(org);
            }
        }
    }
}
