namespace Vigil.Storage.Objects;

/// <summary>One page of a query: only rows the reader may see, so <see cref="More"/> and the first/last dates reveal nothing else.</summary>
public sealed record ObjectPage
{
    public required IReadOnlyList<StoredObject> Items { get; init; }
    public required bool More { get; init; }

    /// <summary>Continuation token for the next page, or null on the last page.</summary>
    public string? Next { get; init; }

    public string? DateAddedFirst => Items.Count == 0 ? null : Items[0].DateAdded;

    public string? DateAddedLast => Items.Count == 0 ? null : Items[^1].DateAdded;
}
