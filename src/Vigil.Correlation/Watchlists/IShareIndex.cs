using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Watchlists;

/// <summary>Which members have shared objects touching a value. A database-backed index answers from the correlation table.</summary>
public interface IShareIndex
{
    /// <summary>Adds to <paramref name="sharers"/> the ids of members that shared an object touching <paramref name="key"/>.</summary>
    void AddSharersOf(ObservableKey key, ICollection<string> sharers);
}
