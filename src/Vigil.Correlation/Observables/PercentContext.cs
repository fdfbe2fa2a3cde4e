namespace Vigil.Correlation.Observables;

/// <summary>The URL component being percent-normalized; a query may hold '/' and '?' unescaped.</summary>
internal enum PercentContext
{
    Path,
    Query,
}
