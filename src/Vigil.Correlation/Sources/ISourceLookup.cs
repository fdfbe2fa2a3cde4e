namespace Vigil.Correlation.Sources;

/// <summary>Answers "what do you know about this URL or domain". <see cref="SourceRegistry"/> is the in-memory implementation.</summary>
public interface ISourceLookup
{
    SourceLookup Lookup(string urlOrDomain);
}
