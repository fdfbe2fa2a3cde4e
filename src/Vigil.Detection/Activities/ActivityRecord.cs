namespace Vigil.Detection.Activities;

/// <summary>
/// One activity as a reader produces it, before it is added to an <see cref="ActivityTable"/>.
/// Timestamps are Unix seconds, UTC. <see cref="ReferencedId"/> is the id of the reshared, replied-to
/// or quoted post (for CooRTweet input: the shared object).
/// </summary>
public readonly record struct ActivityRecord
{
    public string? Platform { get; init; }
    public string? ActivityId { get; init; }
    public required string AccountId { get; init; }
    public string? AccountHandle { get; init; }
    public long? AccountCreatedAt { get; init; }
    public int? Followers { get; init; }
    public string? AccountLocation { get; init; }
    public required long Timestamp { get; init; }
    public ActivityKind Kind { get; init; }
    public string? Text { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<string>? Urls { get; init; }
    public IReadOnlyList<string>? Hashtags { get; init; }
    public IReadOnlyList<string>? Mentions { get; init; }
    public string? ReferencedId { get; init; }
    public IReadOnlyList<string>? MediaHashes { get; init; }
}
