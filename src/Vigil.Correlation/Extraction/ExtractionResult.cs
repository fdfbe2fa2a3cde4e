using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Extraction;

/// <summary>What one STIX object touches. <see cref="Keys"/> holds every distinct key, related ones (a URL's domain) included.</summary>
public sealed record ExtractionResult
{
    public required IReadOnlyList<ExtractedObservable> Observables { get; init; }
    public required IReadOnlyList<ExtractionProblem> Problems { get; init; }

    public IReadOnlyList<ObservableKey> Keys
    {
        get
        {
            var keys = new HashSet<ObservableKey>();
            var ordered = new List<ObservableKey>();
            foreach (var item in Observables)
            {
                if (keys.Add(item.Observable.Key))
                {
                    ordered.Add(item.Observable.Key);
                }

                foreach (var related in item.Observable.Related)
                {
                    if (keys.Add(related))
                    {
                        ordered.Add(related);
                    }
                }
            }

            return ordered;
        }
    }
}
