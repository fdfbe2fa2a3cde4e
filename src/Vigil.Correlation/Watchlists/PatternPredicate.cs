namespace Vigil.Correlation.Watchlists;

/// <summary>Evaluates a STIX pattern against a candidate; supplied by the pattern engine.</summary>
public delegate bool PatternPredicate(string pattern, WatchlistCandidate candidate);
