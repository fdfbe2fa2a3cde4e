using Vigil.Detection.Activities;

namespace Vigil.Detection.Signals;

/// <summary>
/// Maps each distinct media hash to a group of the same or near-same picture. PDQ hashes (64 hex
/// digits) within the Hamming threshold are joined: all pairs are compared when there are at most
/// 4,000 distinct hashes, otherwise candidates come from eight 32-bit slices (which finds every pair
/// within distance 7 and most beyond). Other hash strings only match exactly.
/// </summary>
internal static class MediaGrouping
{
    public static int[] Group(StringPool hashes, int threshold)
    {
        var count = hashes.Count;
        var parsed = new PdqHash[count];
        var valid = new bool[count];
        for (var i = 0; i < count; i++)
        {
            valid[i] = PdqHash.TryParse(hashes[i], out parsed[i]);
        }

        if (count <= 4000)
        {
            var sets = new Graph.UnionFind(count);
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; valid[i] && j < count; j++)
                {
                    if (valid[j] && parsed[i].Distance(parsed[j]) <= threshold)
                    {
                        sets.Union(i, j);
                    }
                }
            }

            var result = new int[count];
            var smallest = new Dictionary<int, int>();
            for (var i = 0; i < count; i++)
            {
                var root = sets.Find(i);
                if (!smallest.TryGetValue(root, out var s))
                {
                    smallest[root] = s = i;
                }

                result[i] = s;
            }

            return result;
        }

        return BandedGrouper.Group(new PdqItems(parsed, valid, threshold));
    }

    private readonly struct PdqItems(PdqHash[] hashes, bool[] valid, int threshold) : IBandedItems
    {
        public int Count => hashes.Length;
        public int Bands => 8;

        // Invalid hashes get a key no other item shares.
        public ulong BandKey(int item, int band) =>
            valid[item] ? ((ulong)(uint)band << 32) | hashes[item].Slice(band) : (0xFFFF_0000_0000_0000UL | (uint)item);

        public void Prepare(IReadOnlyList<int> compared)
        {
        }

        public bool Similar(int a, int b) => valid[a] && valid[b] && hashes[a].Distance(hashes[b]) <= threshold;
    }
}
