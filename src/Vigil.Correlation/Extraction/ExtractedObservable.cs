using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Extraction;

/// <summary>A normalized observable and where in the STIX object it was found (a JSON path such as <c>hashes.SHA-256</c> or <c>pattern</c>).</summary>
public sealed record ExtractedObservable(NormalizedObservable Observable, string Path);
