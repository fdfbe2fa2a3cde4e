namespace Vigil.Storage.Objects;

/// <summary>A page of <see cref="RawObject"/>s under the same policy, paging and cursor rules as <see cref="ObjectPage"/>.</summary>
public sealed record RawObjectPage
{
    public required IReadOnlyList<RawObject> Items { get; init; }
    public required bool More { get; init; }
    public string? Next { get; init; }

    public string? DateAddedFirst => Items.Count == 0 ? null : Items[0].DateAdded;

    public string? DateAddedLast => Items.Count == 0 ? null : Items[^1].DateAdded;
}
