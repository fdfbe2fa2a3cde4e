using System.Runtime.InteropServices;
using Vigil.Detection.Activities;
using Vigil.Detection.Reading;

namespace Vigil.Detection.Signals;

/// <summary>
/// Groups near-duplicate texts into families for the co-text signal. Texts are normalized (into a
/// reused buffer, no string per text), exact duplicates merged by hash, then distinct texts get
/// MinHash signatures and are joined when an LSH band matches and the estimated Jaccard similarity
/// reaches the threshold. Reshares are left out (they repeat their original's text; co-reshare covers them).
/// </summary>
internal static class TextFamilies
{
    public sealed record Result(int[] FamilyOfRow, int FamilyCount, Func<int, string> Sample);

    public static Result Build(ActivityTable table, double threshold, int minWords)
    {
        var n = table.Count;
        var hashes = new ulong[n];
        var eligible = new bool[n];
        Parallel.For(0, Partitions, part =>
        {
            var buffer = new char[1024];
            var (from, to) = Range(n, part);
            for (var r = from; r < to; r++)
            {
                var text = table.Text[r];
                if (text is null || table.Kind[r] == ActivityKind.Reshare)
                {
                    continue;
                }

                if (buffer.Length < text.Length)
                {
                    buffer = new char[text.Length * 2];
                }

                var normalized = buffer.AsSpan(0, TextNormalizer.Normalize(text, buffer));
                if (MinHasher.Words(normalized) >= minWords)
                {
                    eligible[r] = true;
                    hashes[r] = Hash64.Of(normalized);
                }
            }
        });

        var eligibleCount = 0;
        foreach (var e in eligible)
        {
            eligibleCount += e ? 1 : 0;
        }

        var byHash = new Dictionary<ulong, int>(eligibleCount);
        var firstRow = new List<int>();
        var distinctOfRow = new int[n];
        for (var r = 0; r < n; r++)
        {
            if (!eligible[r])
            {
                distinctOfRow[r] = -1;
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byHash, hashes[r], out var exists);
            if (!exists)
            {
                slot = firstRow.Count;
                firstRow.Add(r);
            }

            distinctOfRow[r] = slot;
        }

        var distinct = firstRow.Count;
        var signatures = new uint[distinct * MinHasher.Size];
        Parallel.For(0, Partitions, part =>
        {
            var buffer = new char[1024];
            var words = new ulong[512];
            var (from, to) = Range(distinct, part);
            for (var d = from; d < to; d++)
            {
                var text = table.Text[firstRow[d]]!;
                if (buffer.Length < text.Length)
                {
                    buffer = new char[text.Length * 2];
                }

                var normalized = buffer.AsSpan(0, TextNormalizer.Normalize(text, buffer));
                MinHasher.Compute(normalized, signatures.AsSpan(d * MinHasher.Size, MinHasher.Size), words);
            }
        });

        var group = BandedGrouper.Group(new SignatureItems(signatures, distinct, threshold));

        // Dense family numbers in order of each group's smallest member.
        var family = new int[distinct];
        Array.Fill(family, -1);
        var representative = new List<int>();
        for (var d = 0; d < distinct; d++)
        {
            var root = group[d];
            if (family[root] < 0)
            {
                family[root] = representative.Count;
                representative.Add(firstRow[root]);
            }

            family[d] = family[root];
        }

        var familyOfRow = new int[n];
        for (var r = 0; r < n; r++)
        {
            familyOfRow[r] = distinctOfRow[r] < 0 ? -1 : family[distinctOfRow[r]];
        }

        var rows = representative.ToArray();
        return new Result(familyOfRow, rows.Length, k => TextNormalizer.Normalize(table.Text[rows[k]]!));
    }

    private static int Partitions => Environment.ProcessorCount * 4;

    private static (int From, int To) Range(int count, int part) =>
        ((int)((long)count * part / Partitions), (int)((long)count * (part + 1) / Partitions));

    private readonly struct SignatureItems(uint[] signatures, int count, double threshold) : IBandedItems
    {
        public int Count => count;
        public int Bands => MinHasher.Bands;

        public ulong BandKey(int item, int band) => MinHasher.BandKey(Signature(item), band);

        public bool Similar(int a, int b) => MinHasher.Similarity(Signature(a), Signature(b)) >= threshold;

        private ReadOnlySpan<uint> Signature(int item) => signatures.AsSpan(item * MinHasher.Size, MinHasher.Size);
    }
}
