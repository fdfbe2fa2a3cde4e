using Vigil.Detection.Graph;

namespace Vigil.Detection.Signals;

/// <summary>
/// Groups near-duplicates with LSH banding: per band, items with the same band key are compared with
/// the first item seen under that key and joined when similar (a star per bucket keeps hot buckets
/// linear). Band keys are computed in parallel; buckets are filled in item order, so the
/// grouping is deterministic.
/// </summary>
internal static class BandedGrouper
{
    private static int Partitions => Environment.ProcessorCount * 4;

    /// <summary>Returns, per item, the smallest item index of its group.</summary>
    public static int[] Group<T>(T items)
        where T : IBandedItems
    {
        var count = items.Count;
        var joins = new List<(int, int)>();
        var keys = new ulong[count];
        var first = new FirstSeenTable(count);
        for (var band = 0; band < items.Bands; band++)
        {
            var b = band;
            Parallel.For(0, Partitions, part =>
            {
                for (var i = (int)((long)count * part / Partitions); i < (long)count * (part + 1) / Partitions; i++)
                {
                    keys[i] = items.BandKey(i, b);
                }
            });

            first.Clear();
            for (var i = 0; i < count; i++)
            {
                var stored = first.GetOrAdd(keys[i], i);
                if (stored != i && items.Similar(stored, i))
                {
                    joins.Add((stored, i));
                }
            }
        }

        var sets = new UnionFind(count);
        foreach (var (a, b) in joins)
        {
            sets.Union(a, b);
        }

        var smallest = new int[count];
        Array.Fill(smallest, int.MaxValue);
        for (var i = 0; i < count; i++)
        {
            var root = sets.Find(i);
            if (i < smallest[root])
            {
                smallest[root] = i;
            }
        }

        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = smallest[sets.Find(i)];
        }

        return result;
    }
}
