using Vigil.Storage.Retention;

namespace Vigil.Server.Retention;

/// <summary>Every collection rule, the hub's closed-case period (null: kept) and how often the sweep runs.</summary>
public sealed record RetentionSettings(IReadOnlyList<CollectionRetention> Collections, int? ClosedCaseDays, TimeSpan Interval);
