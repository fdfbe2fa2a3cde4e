namespace Vigil.Core.Patterning.Indexing;

public sealed record IndicatorMatchResult(IReadOnlyList<IndicatorMatch> Matches, IReadOnlyList<UndecidedIndicator> Undecided);
