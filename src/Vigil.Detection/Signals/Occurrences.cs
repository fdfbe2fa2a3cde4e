namespace Vigil.Detection.Signals;

/// <summary>
/// One signal's occurrences grouped by item: the occurrences of item k are positions
/// <c>Offsets[k]..Offsets[k + 1]</c>, sorted by time, with their activity row, time and account.
/// </summary>
internal sealed class Occurrences
{
    public required SignalKind Kind { get; init; }
    public required int[] Offsets { get; init; }
    public required int[] Rows { get; init; }
    public required long[] Times { get; init; }
    public required int[] Accounts { get; init; }
    public required Func<int, string> Label { get; init; }

    public int ItemCount => Offsets.Length - 1;

    public int Count => Rows.Length;
}
