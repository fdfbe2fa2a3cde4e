namespace Vigil.Storage.Alerts;

/// <summary>One inbox entry: an object version that hit a member's watchlist, and why.</summary>
public sealed record Alert
{
    public required long Id { get; init; }
    public required string OrgId { get; init; }
    public required string WatchlistId { get; init; }
    public required long EventId { get; init; }
    public required string CollectionId { get; init; }
    public required string ObjectId { get; init; }
    public required string ObjectType { get; init; }
    public required long Seq { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}
