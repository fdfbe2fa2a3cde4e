using CsCheck;
using Vigil.Media.Index;
using Vigil.Media.Pdq;

namespace Vigil.Media.Tests.Index;

public sealed class IndexPropertyTests
{
    private static readonly Gen<PdqHash> AnyHash =
        Gen.Select(Gen.ULong, Gen.ULong, Gen.ULong, Gen.ULong, (a, b, c, d) => new PdqHash(a, b, c, d));

    /// <summary>A bank of random hashes plus near copies of the query (0..45 bit flips), so matches exist at every distance.</summary>
    private static readonly Gen<(PdqHash[] Bank, PdqHash Query, int MaxDistance, int ChunkBits)> Case =
        from query in AnyHash
        from random in AnyHash.Array[0, 200]
        from flips in Gen.Int[0, 255].Array[0, 45].Array[0, 80]
        from maxDistance in Gen.Int[0, 70]
        from chunkBits in Gen.Int[4, 16]
        select (Shuffle(random.Concat(flips.Select(f => Flip(query, f))).ToArray(), query), query, maxDistance, chunkBits);

    [Fact]
    public void Multi_index_and_brute_force_return_exactly_the_naive_scan()
    {
        Case.Sample(c =>
        {
            var expected = Naive(c.Bank, c.Query, c.MaxDistance);
            var brute = new BruteForceIndex(c.Bank).Query(c.Query, c.MaxDistance);
            var probing = new MultiIndexHashIndex(c.Bank, c.ChunkBits, alwaysProbe: true).Query(c.Query, c.MaxDistance);
            var automatic = new MultiIndexHashIndex(c.Bank).Query(c.Query, c.MaxDistance);
            Assert.Equal(expected, brute);
            Assert.Equal(expected, probing);
            Assert.Equal(expected, automatic);
        }, iter: 300);
    }

    [Fact]
    public void Hashes_added_after_the_build_are_found_before_and_after_the_rebuild()
    {
        Gen.Select(AnyHash, AnyHash.Array[1, 50], Gen.Int[0, 255].Array[0, 20].Array[1, 40]).Sample((query, bank, flips) =>
        {
            var index = new MultiIndexHashIndex(bank, 8, alwaysProbe: true);
            var all = bank.ToList();
            foreach (var f in flips)
            {
                var h = Flip(query, f);
                all.Add(h);
                Assert.Equal(all.Count - 1, index.Add(h));
            }

            Assert.Equal(Naive(all, query, 31), index.Query(query));
            index.Build();
            Assert.Equal(Naive(all, query, 31), index.Query(query));
        }, iter: 100);
    }

    [Fact]
    public void Large_bank_takes_the_parallel_scan_and_the_index_and_both_agree()
    {
        var random = new Random(11);
        var bank = new PdqHash[200_000];
        for (var i = 0; i < bank.Length; i++)
        {
            bank[i] = new PdqHash((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64());
        }

        var query = bank[12345];
        for (var i = 0; i < 64; i++)
        {
            var at = random.Next(bank.Length);
            bank[at] = Flip(query, Enumerable.Range(0, i).Select(_ => random.Next(256)).ToArray());
        }

        var expected = Naive(bank, query, 31);
        var index = new MultiIndexHashIndex(bank);
        Assert.True(index.ChunkCount > 1);
        Assert.True(expected.Count > 10, $"only {expected.Count} planted matches");
        Assert.Equal(expected, new BruteForceIndex(bank).Query(query));
        Assert.Equal(expected, index.Query(query));
    }

    [Fact]
    public void Dihedral_query_finds_a_mirrored_copy_with_its_transform()
    {
        var rgb = new byte[90 * 70 * 3];
        new Random(3).NextBytes(rgb);
        var mirrored = new byte[rgb.Length];
        for (var y = 0; y < 70; y++)
        {
            for (var x = 0; x < 90; x++)
            {
                rgb.AsSpan(((y * 90) + x) * 3, 3).CopyTo(mirrored.AsSpan(((y * 90) + (89 - x)) * 3, 3));
            }
        }

        var index = new BruteForceIndex([PdqHasher.Hash(mirrored, 90, 70).Hash]);
        var query = PdqHasher.HashDihedral(rgb, 90, 70, 3);
        Assert.Empty(index.Query(query.Original));
        var match = Assert.Single(index.QueryDihedral(query.Hashes));
        Assert.Equal(DihedralTransform.FlipY, match.Transform);
        Assert.True(match.Distance <= 31, $"distance {match.Distance}");
    }

    private static List<HashMatch> Naive(IEnumerable<PdqHash> bank, PdqHash query, int maxDistance) =>
        bank.Select((h, i) => new HashMatch(i, h.DistanceTo(query))).Where(m => m.Distance <= maxDistance).ToList();

    private static PdqHash Flip(PdqHash h, int[] bits)
    {
        Span<ulong> w = [h.W0, h.W1, h.W2, h.W3];
        foreach (var b in bits)
        {
            w[b >> 6] ^= 1UL << (b & 63);
        }

        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    private static PdqHash[] Shuffle(PdqHash[] items, PdqHash seed)
    {
        var random = new Random((int)seed.W0);
        random.Shuffle(items);
        return items;
    }
}
