using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Merkle;

/// <summary>The reference leaves and tree heads of the certificate-transparency implementations (RFC 6962 test data).</summary>
public sealed class Rfc6962VectorTests
{
    private static readonly byte[][] Leaves =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void Leaf_and_node_hashes_use_the_0x00_and_0x01_prefixes()
    {
        Assert.Equal(Roots[1], MerkleHasher.HashLeaf([]).ToHex());
        Assert.Equal("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", MerkleHasher.HashLeaf([0x00]).ToHex());
        Assert.Equal(Roots[0], MerkleHasher.EmptyRoot.ToHex());
    }

    [Fact]
    public async Task Log_roots_match_the_reference_roots_at_every_size()
    {
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        Assert.Equal(Roots[0], (await log.GetRootAsync(0)).ToHex());
        for (var i = 0; i < Leaves.Length; i++)
        {
            await log.AppendAsync(Leaves[i]);
            for (var size = 0; size <= i + 1; size++)
            {
                Assert.Equal(Roots[size], (await log.GetRootAsync(size)).ToHex());
            }
        }
    }

    [Theory]
    [InlineData(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    public async Task Inclusion_proofs_match_the_reference_proofs(int index, int size, params string[] expected)
    {
        using var log = await ReferenceLogAsync();
        var proof = await log.GetInclusionProofAsync(index, size);
        Assert.Equal(expected, proof.Hashes.Select(h => h.ToHex()));
        Assert.True(MerkleProof.VerifyInclusion(MerkleHasher.HashLeaf(Leaves[index]), index, size, proof.Hashes.ToArray(), TestLogs.Hex(Roots[size])));
    }

    [Theory]
    [InlineData(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    [InlineData(2, 8, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    public async Task Consistency_proofs_match_the_reference_proofs(int oldSize, int newSize, params string[] expected)
    {
        using var log = await ReferenceLogAsync();
        var proof = await log.GetConsistencyProofAsync(oldSize, newSize);
        Assert.Equal(expected, proof.Hashes.Select(h => h.ToHex()));
        Assert.True(MerkleProof.VerifyConsistency(oldSize, newSize, TestLogs.Hex(Roots[oldSize]), TestLogs.Hex(Roots[newSize]), proof.Hashes.ToArray()));
    }

    private static async Task<TransparencyLog> ReferenceLogAsync()
    {
        var key = TestLogs.LogKey();
        var log = new TransparencyLog(new InMemoryLogStore(), key);
        await log.AppendAsync(Leaves.Select(l => (ReadOnlyMemory<byte>)l).ToList());
        return log;
    }
}
