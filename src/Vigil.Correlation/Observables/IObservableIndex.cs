namespace Vigil.Correlation.Observables;

/// <summary>
/// The correlation index: which objects touch which keys. A database-backed implementation answers <see cref="FindAsync"/>
/// through the policy-aware read path, so a reader only learns of objects it may see.
/// </summary>
public interface IObservableIndex
{
    /// <summary>Replaces the keys recorded for one object version.</summary>
    Task IndexAsync(string objectId, IReadOnlyList<ObservableKey> keys, CancellationToken cancellationToken);

    /// <summary>Ids of objects that touch <paramref name="key"/>, as far as <paramref name="readerId"/> may see them.</summary>
    Task<IReadOnlyList<string>> FindAsync(ObservableKey key, string readerId, CancellationToken cancellationToken);
}
