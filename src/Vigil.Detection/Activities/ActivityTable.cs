namespace Vigil.Detection.Activities;

/// <summary>
/// Activities stored column by column. Row r is one activity; accounts are dense numbers into
/// <see cref="Accounts"/>, referenced posts are ids in <see cref="References"/> (-1 when none) and
/// list fields (URLs, hashtags, mentions, media hashes) are <see cref="MultiValueColumn"/>s.
/// </summary>
public sealed class ActivityTable
{
    public required int Count { get; init; }
    public required int[] Account { get; init; }
    /// <summary>Unix seconds, UTC.</summary>
    public required long[] Time { get; init; }
    public required ActivityKind[] Kind { get; init; }
    public required string?[] ActivityId { get; init; }
    public required int[] Reference { get; init; }
    public required StringPool References { get; init; }
    public required string?[] Text { get; init; }
    public required string?[] Language { get; init; }
    public required byte[] Platform { get; init; }
    public required string[] Platforms { get; init; }
    public required MultiValueColumn Urls { get; init; }
    public required MultiValueColumn Hashtags { get; init; }
    public required MultiValueColumn Mentions { get; init; }
    public required MultiValueColumn Media { get; init; }
    public required AccountTable Accounts { get; init; }
}
