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
        ulong[]? hashes = new ulong[n];
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
                    hashes[r] = Hash64.OfText(normalized);
                }
            }
        });

        var eligibleRows = new GrowableArray<int>(n / 2);
        for (var r = 0; r < n; r++)
        {
            if (eligible[r])
            {
                eligibleRows.Add(r);
            }
        }

        var rowsWithText = eligibleRows.AsSpan();
        var textHashes = new ulong[rowsWithText.Length];
        for (var e = 0; e < rowsWithText.Length; e++)
        {
            textHashes[e] = hashes![rowsWithText[e]];
        }

        hashes = null; // captured by the lambda above, so it would otherwise live to the end of this method
        var firstWithHash = new int[rowsWithText.Length];
        FirstOccurrence.Find(textHashes, firstWithHash);

        // Distinct texts are numbered in order of their first row; firstWithHash becomes that number.
        var firstRow = new List<int>();
        var distinctOfRow = new int[n];
        Array.Fill(distinctOfRow, -1);
        for (var e = 0; e < rowsWithText.Length; e++)
        {
            if (firstWithHash[e] == e)
            {
                firstWithHash[e] = firstRow.Count;
                firstRow.Add(rowsWithText[e]);
            }
            else
            {
                firstWithHash[e] = firstWithHash[firstWithHash[e]];
            }

            distinctOfRow[rowsWithText[e]] = firstWithHash[e];
        }

        var distinct = firstRow.Count;
        // Only the band keys are kept for every distinct text (64 bytes, not the 128 of a signature); signatures are
        // computed again for the few texts a band puts together, right before they are compared.
        var bandKeys = new ulong[(long)distinct * MinHasher.Bands];
        Parallel.For(0, Partitions, part =>
        {
            var signer = new Signer();
            Span<uint> signature = stackalloc uint[MinHasher.Size];
            var (from, to) = Range(distinct, part);
            for (var d = from; d < to; d++)
            {
                signer.Sign(table.Text[firstRow[d]]!, signature);
                for (var band = 0; band < MinHasher.Bands; band++)
                {
                    bandKeys[((long)d * MinHasher.Bands) + band] = MinHasher.BandKey(signature, band);
                }
            }
        });

        var group = BandedGrouper.Group(new SignatureItems(table, firstRow, bandKeys, threshold));

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

        return new Result(familyOfRow, representative.Count, Sampler(table, representative.ToArray()));
    }

    // Its own method so the label closure holds the table and the rows only, not this method's large locals.
    private static Func<int, string> Sampler(ActivityTable table, int[] rows) => k => TextNormalizer.Normalize(table.Text[rows[k]]!);

    private static int Partitions => Environment.ProcessorCount * 4;

    private static (int From, int To) Range(int count, int part) =>
        ((int)((long)count * part / Partitions), (int)((long)count * (part + 1) / Partitions));

    /// <summary>Normalizes a text into a reused buffer and computes its MinHash signature.</summary>
    private sealed class Signer
    {
        private readonly ulong[] _words = new ulong[512];
        private char[] _buffer = new char[1024];

        public void Sign(string text, Span<uint> signature)
        {
            if (_buffer.Length < text.Length)
            {
                _buffer = new char[text.Length * 2];
            }

            MinHasher.Compute(_buffer.AsSpan(0, TextNormalizer.Normalize(text, _buffer)), signature, _words);
        }
    }

    private sealed class SignatureItems(ActivityTable table, List<int> firstRow, ulong[] bandKeys, double threshold) : IBandedItems
    {
        private int[] _slot = [];
        private uint[] _signatures = [];

        public int Count => firstRow.Count;
        public int Bands => MinHasher.Bands;

        public ulong BandKey(int item, int band) => bandKeys[((long)item * MinHasher.Bands) + band];

        public void Prepare(IReadOnlyList<int> compared)
        {
            _slot = new int[Count];
            _signatures = new uint[compared.Count * MinHasher.Size];
            for (var i = 0; i < compared.Count; i++)
            {
                _slot[compared[i]] = i;
            }

            Parallel.For(0, Partitions, part =>
            {
                var signer = new Signer();
                var (from, to) = Range(compared.Count, part);
                for (var i = from; i < to; i++)
                {
                    signer.Sign(table.Text[firstRow[compared[i]]]!, _signatures.AsSpan(i * MinHasher.Size, MinHasher.Size));
                }
            });
        }

        public bool Similar(int a, int b) => MinHasher.Similarity(Signature(a), Signature(b)) >= threshold;

        private ReadOnlySpan<uint> Signature(int item) => _signatures.AsSpan(_slot[item] * MinHasher.Size, MinHasher.Size);
    }
}
