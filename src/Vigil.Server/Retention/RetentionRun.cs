namespace Vigil.Server.Retention;

/// <summary>What one retention sweep did: the objects turned into tombstones (per collection) and the closed cases erased.</summary>
public sealed record RetentionRun(DateTimeOffset At, IReadOnlyDictionary<string, IReadOnlyList<string>> ExpiredObjects, IReadOnlyList<string> ErasedCases);
