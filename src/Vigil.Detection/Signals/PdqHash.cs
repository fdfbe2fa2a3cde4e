using System.Globalization;
using System.Numerics;

namespace Vigil.Detection.Signals;

/// <summary>A 256-bit PDQ hash (64 hex digits) and its Hamming distance.</summary>
public readonly record struct PdqHash(ulong W0, ulong W1, ulong W2, ulong W3)
{
    public static bool TryParse(string hex, out PdqHash hash)
    {
        hash = default;
        var span = hex.AsSpan().Trim();
        if (span.Length != 64)
        {
            return false;
        }

        Span<ulong> words = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            if (!ulong.TryParse(span.Slice(i * 16, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out words[i]))
            {
                return false;
            }
        }

        hash = new PdqHash(words[0], words[1], words[2], words[3]);
        return true;
    }

    public int Distance(in PdqHash other) =>
        BitOperations.PopCount(W0 ^ other.W0) + BitOperations.PopCount(W1 ^ other.W1)
        + BitOperations.PopCount(W2 ^ other.W2) + BitOperations.PopCount(W3 ^ other.W3);

    /// <summary>One of eight 32-bit slices, used as a band key: hashes within distance 7 share at least one.</summary>
    public uint Slice(int index)
    {
        var word = (index >> 1) switch { 0 => W0, 1 => W1, 2 => W2, _ => W3 };
        return (index & 1) == 0 ? (uint)(word >> 32) : (uint)word;
    }
}
