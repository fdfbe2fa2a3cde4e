namespace Vigil.Detection.Activities;

/// <summary>
/// A list-valued column stored flat: the values of row r are
/// <c>Values[Offsets[r]..Offsets[r + 1]]</c>, each an id in <see cref="Pool"/>.
/// </summary>
public sealed class MultiValueColumn
{
    public required int[] Offsets { get; init; }
    public required int[] Values { get; init; }
    public required StringPool Pool { get; init; }

    public ReadOnlySpan<int> Row(int row) => Values.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);
}
