namespace Vigil.Storage.Alerts;

/// <summary>An alert to store; duplicates (same watchlist and version) are ignored, so redelivered events alert once.</summary>
public sealed record NewAlert(string OrgId, string WatchlistId, long EventId, string CollectionId, string ObjectId, string ObjectType, long Seq,
    IReadOnlyList<string> Reasons);
