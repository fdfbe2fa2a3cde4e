using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

/// <summary>Hashes stored as four consecutive ulongs each, growable, with the scan kernel.</summary>
internal sealed class PackedHashes
{
    private ulong[] _words;

    public PackedHashes(int capacity = 1024) => _words = new ulong[Math.Max(4, capacity * 4)];

    public int Count { get; private set; }

    public long MemoryBytes => (long)_words.Length * sizeof(ulong);

    /// <summary>Hash i occupies words 4i..4i+3 (bits 0..63 first).</summary>
    public ReadOnlySpan<ulong> Words => _words.AsSpan(0, Count * 4);

    public PdqHash this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The index holds {Count} hashes.");
            }

            var o = index * 4;
            return new PdqHash(_words[o], _words[o + 1], _words[o + 2], _words[o + 3]);
        }
    }

    public int Add(PdqHash hash)
    {
        if ((Count + 1) * 4 > _words.Length)
        {
            Array.Resize(ref _words, checked(_words.Length * 2));
        }

        var o = Count * 4;
        (_words[o], _words[o + 1], _words[o + 2], _words[o + 3]) = (hash.W0, hash.W1, hash.W2, hash.W3);
        return Count++;
    }

    /// <summary>Appends to <paramref name="matches"/> every hash in [start, end) within the distance.</summary>
    public void Scan(PdqHash q, int maxDistance, int start, int end, List<HashMatch> matches)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(_words);
        for (var i = start; i < end; i++)
        {
            ref var h = ref Unsafe.Add(ref w, (nint)i * 4);
            // Half the bits first: for unrelated hashes this already exceeds any useful radius.
            var d = BitOperations.PopCount(q.W0 ^ h) + BitOperations.PopCount(q.W1 ^ Unsafe.Add(ref h, 1));
            if (d > maxDistance)
            {
                continue;
            }

            d += BitOperations.PopCount(q.W2 ^ Unsafe.Add(ref h, 2)) + BitOperations.PopCount(q.W3 ^ Unsafe.Add(ref h, 3));
            if (d <= maxDistance)
            {
                matches.Add(new HashMatch(i, d));
            }
        }
    }

    /// <summary>Full distance to the hash at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Distance(PdqHash q, int index)
    {
        ref var h = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), (nint)index * 4);
        return BitOperations.PopCount(q.W0 ^ h) + BitOperations.PopCount(q.W1 ^ Unsafe.Add(ref h, 1))
            + BitOperations.PopCount(q.W2 ^ Unsafe.Add(ref h, 2)) + BitOperations.PopCount(q.W3 ^ Unsafe.Add(ref h, 3));
    }
}
