using Vigil.Detection.Graph;

namespace Vigil.Detection.Signals;

/// <summary>
/// Groups near-duplicates with LSH banding: per band, items with the same band key are compared with
/// the first item (smallest index) under that key and joined when similar (a star per bucket keeps hot
/// buckets linear). Band keys, buckets and comparisons run in parallel; the items to compare are handed
/// to <see cref="IBandedItems.Prepare"/> first. A group is the same whatever order the joins are applied
/// in, so the grouping is deterministic.
/// </summary>
internal static class BandedGrouper
{
    private static int Partitions => Environment.ProcessorCount * 4;

    /// <summary>Returns, per item, the smallest item index of its group.</summary>
    public static int[] Group<T>(T items)
        where T : IBandedItems
    {
        var count = items.Count;
        var candidates = new List<(int First, int Item)>[Partitions];
        var keys = new ulong[count];
        var first = new int[count];
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

            FirstOccurrence.Find(keys, first);
            Parallel.For(0, Partitions, part =>
            {
                var found = candidates[part] ??= [];
                for (var i = (int)((long)count * part / Partitions); i < (long)count * (part + 1) / Partitions; i++)
                {
                    if (first[i] != i)
                    {
                        found.Add((first[i], i));
                    }
                }
            });
        }

        var compared = new bool[count];
        foreach (var found in candidates)
        {
            foreach (var (a, i) in found ?? [])
            {
                compared[a] = true;
                compared[i] = true;
            }
        }

        var comparedItems = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (compared[i])
            {
                comparedItems.Add(i);
            }
        }

        items.Prepare(comparedItems);
        var joins = new List<(int, int)>[Partitions];
        Parallel.For(0, Partitions, part =>
        {
            joins[part] = (candidates[part] ?? []).Where(c => items.Similar(c.First, c.Item)).ToList();
        });

        var sets = new UnionFind(count);
        foreach (var found in joins)
        {
            foreach (var (a, b) in found)
            {
                sets.Union(a, b);
            }
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
