namespace Vigil.Core.Patterning.Indexing;

/// <summary>
/// An indicator that matched. For a pattern matched by single observations, every observation that matches it;
/// for a pattern that needs several observations, the observations of one match.
/// </summary>
public sealed record IndicatorMatch(string Id, IReadOnlyList<int> ObservationIndices);
