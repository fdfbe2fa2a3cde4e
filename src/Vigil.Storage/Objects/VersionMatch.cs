namespace Vigil.Storage.Objects;

/// <summary>
/// A TAXII <c>match[version]</c> value: any of <c>first</c>, <c>last</c>, <c>all</c> and exact version timestamps,
/// combined with OR. "First" and "last" are taken over the versions the reader may see, so a hidden newer
/// version neither hides nor reveals an older visible one.
/// </summary>
public sealed record VersionMatch
{
    public static VersionMatch Last { get; } = new() { Selectors = [VersionSelector.Last] };

    public static VersionMatch All { get; } = new() { Selectors = [VersionSelector.All] };

    public IReadOnlyList<VersionSelector> Selectors { get; init; } = [];

    /// <summary>Exact versions, as <see cref="DateTime.Ticks"/> of the <c>modified</c> (or created/date_added) timestamp.</summary>
    public IReadOnlyList<long> VersionTicks { get; init; } = [];

    public bool IsAll => Selectors.Contains(VersionSelector.All);
}
