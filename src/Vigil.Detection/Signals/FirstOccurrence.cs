using System.Numerics;

namespace Vigil.Detection.Signals;

/// <summary>
/// For every position of a key array, the first (smallest) position holding the same key. Keys are
/// first split by hash into partitions small enough that each one's table stays in cache, keeping
/// position order inside a partition, and the partitions are then scanned in parallel: one table over
/// millions of keys would miss the cache on nearly every probe. Same answer as one scan in order.
/// </summary>
internal static class FirstOccurrence
{
    private const int ItemsPerPartition = 16_384;

    /// <summary>Writes into <paramref name="first"/>[i] the smallest j with keys[j] == keys[i].</summary>
    public static void Find(ReadOnlySpan<ulong> keys, Span<int> first)
    {
        var count = keys.Length;
        var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, count / ItemsPerPartition)), 0, 12);
        var shift = 64 - bits;
        var parts = 1 << bits;
        var offsets = new int[parts + 1];
        foreach (var key in keys)
        {
            offsets[Partition(key, shift) + 1]++;
        }

        var largest = 0;
        for (var p = 0; p < parts; p++)
        {
            largest = Math.Max(largest, offsets[p + 1]);
            offsets[p + 1] += offsets[p];
        }

        var next = offsets.AsSpan(0, parts).ToArray();
        var partKeys = new ulong[count];
        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            var at = next[Partition(keys[i], shift)]++;
            partKeys[at] = keys[i];
            positions[at] = i;
        }

        var found = new int[count];
        Parallel.For(
            0,
            parts,
            () => new FirstSeenTable(largest),
            (p, _, table) =>
            {
                table.Clear();
                for (var at = offsets[p]; at < offsets[p + 1]; at++)
                {
                    found[at] = table.GetOrAdd(partKeys[at], positions[at]);
                }

                return table;
            },
            _ => { });

        for (var at = 0; at < count; at++)
        {
            first[positions[at]] = found[at];
        }
    }

    private static int Partition(ulong key, int shift) => shift == 64 ? 0 : (int)(Hash64.Mix(key) >> shift);
}
