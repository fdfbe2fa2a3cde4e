using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

/// <summary>Cuts 256 bits into <c>count</c> contiguous chunks whose widths differ by at most one.</summary>
internal sealed class ChunkLayout
{
    private readonly int[] _offsets;

    public ChunkLayout(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _offsets = new int[count + 1];
        for (var c = 0; c <= count; c++)
        {
            _offsets[c] = c * PdqHash.BitCount / count;
        }
    }

    public int Count => _offsets.Length - 1;

    public int Offset(int chunk) => _offsets[chunk];

    public int Width(int chunk) => _offsets[chunk + 1] - _offsets[chunk];

    public ulong Extract(PdqHash hash, int chunk)
    {
        var offset = _offsets[chunk];
        var width = _offsets[chunk + 1] - offset;
        var word = offset >> 6;
        var shift = offset & 63;
        var value = hash.Word(word) >> shift;
        if (shift + width > 64)
        {
            value |= hash.Word(word + 1) << (64 - shift);
        }

        return width == 64 ? value : value & ((1UL << width) - 1);
    }
}
