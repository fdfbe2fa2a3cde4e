namespace Vigil.Media.Index;

/// <summary>Direct-address table from a chunk value to the indexes of the hashes having it (CSR layout).</summary>
internal sealed class ChunkTable
{
    private readonly int[] _starts;
    private readonly int[] _indexes;

    private ChunkTable(int[] starts, int[] indexes) => (_starts, _indexes) = (starts, indexes);

    public long MemoryBytes => ((long)_starts.Length + _indexes.Length) * sizeof(int);

    public ReadOnlySpan<int> Bucket(ulong value) =>
        _indexes.AsSpan(_starts[(int)value], _starts[(int)value + 1] - _starts[(int)value]);

    public static ChunkTable Build(PackedHashes hashes, int count, int offset, int width)
    {
        var starts = new int[(1 << width) + 1];
        var values = new int[count];
        var word = offset >> 6;
        var shift = offset & 63;
        var straddles = shift + width > 64;
        var mask = (1UL << width) - 1;
        var words = hashes.Words;
        for (var i = 0; i < count; i++)
        {
            var v = words[(i * 4) + word] >> shift;
            if (straddles)
            {
                v |= words[(i * 4) + word + 1] << (64 - shift);
            }

            values[i] = (int)(v & mask);
            starts[values[i] + 1]++;
        }

        for (var v = 1; v < starts.Length; v++)
        {
            starts[v] += starts[v - 1];
        }

        var indexes = new int[count];
        var next = starts.AsSpan(0, starts.Length - 1).ToArray();
        for (var i = 0; i < count; i++)
        {
            indexes[next[values[i]]++] = i;
        }

        return new ChunkTable(starts, indexes);
    }
}
