namespace Vigil.Core.Patterning.Indexing;

/// <summary>An indicator's pattern under the id results are reported by.</summary>
public sealed record PatternEntry(string Id, StixPattern Pattern);
