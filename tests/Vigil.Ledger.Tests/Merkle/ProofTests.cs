using CsCheck;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Merkle;

public sealed class ProofTests
{
    private const int Small = 64;

    [Fact]
    public async Task Every_inclusion_proof_up_to_size_64_equals_the_reference_path_and_verifies()
    {
        var leaves = TestLogs.LeafHashes(Small);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, Small, batch: 7);
        var checkedProofs = 0;
        for (var size = 1; size <= Small; size++)
        {
            var root = ReferenceMerkle.Root(leaves.AsSpan(0, size));
            Assert.Equal(root, await log.GetRootAsync(size));
            for (var index = 0; index < size; index++)
            {
                var proof = (await log.GetInclusionProofAsync(index, size)).Hashes.ToArray();
                Assert.Equal(ReferenceMerkle.Path(index, leaves.AsSpan(0, size)), proof);
                Assert.True(MerkleProof.VerifyInclusion(leaves[index], index, size, proof, root), $"inclusion {index}/{size}");
                checkedProofs++;
            }
        }

        Assert.Equal(Small * (Small + 1) / 2, checkedProofs);
    }

    [Fact]
    public async Task Every_consistency_proof_up_to_size_64_equals_the_reference_proof_and_verifies()
    {
        var leaves = TestLogs.LeafHashes(Small);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, Small, batch: 5);
        for (var newSize = 0; newSize <= Small; newSize++)
        {
            var newRoot = ReferenceMerkle.Root(leaves.AsSpan(0, newSize));
            for (var oldSize = 0; oldSize <= newSize; oldSize++)
            {
                var oldRoot = ReferenceMerkle.Root(leaves.AsSpan(0, oldSize));
                var proof = (await log.GetConsistencyProofAsync(oldSize, newSize)).Hashes.ToArray();
                Assert.Equal(ReferenceMerkle.Proof(oldSize, leaves.AsSpan(0, newSize)), proof);
                Assert.True(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), $"consistency {oldSize}->{newSize}");
            }
        }
    }

    [Fact]
    public async Task Altered_inclusion_proofs_do_not_verify()
    {
        var leaves = TestLogs.LeafHashes(Small);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, Small);
        for (var size = 2; size <= Small; size++)
        {
            var root = ReferenceMerkle.Root(leaves.AsSpan(0, size));
            for (var index = 0; index < size; index++)
            {
                var proof = (await log.GetInclusionProofAsync(index, size)).Hashes.ToArray();
                var flipped = proof.ToArray();
                flipped[^1] = MerkleHasher.HashLeaf(flipped[^1].ToArray());
                Assert.False(MerkleProof.VerifyInclusion(leaves[index], index, size, flipped, root));
                Assert.False(MerkleProof.VerifyInclusion(leaves[index], index, size, proof[..^1], root));
                Assert.False(MerkleProof.VerifyInclusion(leaves[index], index, size, [.. proof, root], root));
                Assert.False(MerkleProof.VerifyInclusion(leaves[(index + 1) % size], index, size, proof, root));
                Assert.False(MerkleProof.VerifyInclusion(leaves[index], size, size, proof, root));
            }
        }
    }

    [Fact]
    public async Task Altered_consistency_proofs_do_not_verify()
    {
        var leaves = TestLogs.LeafHashes(Small);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, Small);
        for (var newSize = 2; newSize <= Small; newSize++)
        {
            var newRoot = ReferenceMerkle.Root(leaves.AsSpan(0, newSize));
            for (var oldSize = 1; oldSize < newSize; oldSize++)
            {
                var oldRoot = ReferenceMerkle.Root(leaves.AsSpan(0, oldSize));
                var proof = (await log.GetConsistencyProofAsync(oldSize, newSize)).Hashes.ToArray();
                var flipped = proof.ToArray();
                flipped[0] = MerkleHasher.HashLeaf(flipped[0].ToArray());
                Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, flipped), $"flipped {oldSize}->{newSize}");
                Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof[..^1]), $"truncated {oldSize}->{newSize}");
                Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, [.. proof, newRoot]), $"extended {oldSize}->{newSize}");
                Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, newRoot, newRoot, proof), $"wrong old root {oldSize}->{newSize}");
                Assert.False(MerkleProof.VerifyConsistency(newSize, oldSize, newRoot, oldRoot, proof), $"reversed {oldSize}->{newSize}");
            }
        }
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(70_000)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    public async Task Proofs_across_tile_boundaries_match_the_reference(int size)
    {
        var leaves = TestLogs.LeafHashes(size);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, size, batch: 4099);
        var root = ReferenceMerkle.Root(leaves);
        Assert.Equal(root, await log.GetRootAsync(size));
        var random = new Random(size);
        for (var trial = 0; trial < 6; trial++)
        {
            var index = trial == 0 ? size - 1 : random.Next(size);
            var proof = (await log.GetInclusionProofAsync(index, size)).Hashes.ToArray();
            Assert.Equal(ReferenceMerkle.Path(index, leaves), proof);
            var oldSize = trial == 0 ? 256 % size : 1 + random.Next(size);
            var consistency = (await log.GetConsistencyProofAsync(oldSize, size)).Hashes.ToArray();
            Assert.Equal(ReferenceMerkle.Proof(oldSize, leaves), consistency);
        }
    }

    [Fact]
    public async Task Appending_in_any_batches_gives_the_same_roots_as_the_reference()
    {
        await Gen.Int[1, 1500].SelectMany(n => Gen.Int[1, 300].Array[1, 12].Select(batches => (n, batches)))
            .SampleAsync(
                async t =>
                {
                    var (n, batches) = t;
                    using var key = TestLogs.LogKey();
                    using var log = new TransparencyLog(new InMemoryLogStore(), key);
                    long appended = 0;
                    var b = 0;
                    while (appended < n)
                    {
                        var next = Math.Min(n, appended + batches[b++ % batches.Length]);
                        await TestLogs.AppendAsync(log, appended, next, batch: int.MaxValue);
                        appended = next;
                    }

                    var leaves = TestLogs.LeafHashes(n);
                    return await log.GetRootAsync(n) == ReferenceMerkle.Root(leaves);
                },
                iter: 60);
    }

    [Fact]
    public async Task Random_inclusion_and_consistency_proofs_verify_against_the_reference_roots()
    {
        const int n = 3000;
        var leaves = TestLogs.LeafHashes(n);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, n, batch: 333);
        await Gen.Int[1, n].SelectMany(size => Gen.Int[0, size - 1].SelectMany(index => Gen.Int[0, size].Select(old => (size, index, old))))
            .SampleAsync(
                async t =>
                {
                    var (size, index, old) = t;
                    var root = ReferenceMerkle.Root(leaves.AsSpan(0, size));
                    var inclusion = (await log.GetInclusionProofAsync(index, size)).Hashes.ToArray();
                    var consistency = (await log.GetConsistencyProofAsync(old, size)).Hashes.ToArray();
                    return MerkleProof.VerifyInclusion(leaves[index], index, size, inclusion, root)
                        && MerkleProof.VerifyConsistency(old, size, ReferenceMerkle.Root(leaves.AsSpan(0, old)), root, consistency);
                },
                iter: 200);
    }

    [Fact]
    public async Task Proofs_for_sizes_or_indexes_outside_the_log_are_refused_with_a_clear_error()
    {
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, 10);
        var beyond = await Assert.ThrowsAsync<LedgerException>(() => log.GetInclusionProofAsync(3, 11));
        Assert.Equal(LedgerFailure.InvalidArgument, beyond.Failure);
        Assert.Contains("beyond the log's size 10", beyond.Message, StringComparison.Ordinal);
        var index = await Assert.ThrowsAsync<LedgerException>(() => log.GetInclusionProofAsync(10, 10));
        Assert.Contains("Entry 10 is not in a tree of size 10", index.Message, StringComparison.Ordinal);
        var reversed = await Assert.ThrowsAsync<LedgerException>(() => log.GetConsistencyProofAsync(8, 4));
        Assert.Equal(LedgerFailure.InvalidArgument, reversed.Failure);
        var unknown = await Assert.ThrowsAsync<LedgerException>(() => log.GetInclusionProofByHashAsync(MerkleHasher.HashLeaf([1, 2, 3]), 10));
        Assert.Equal(LedgerFailure.UnknownHash, unknown.Failure);
    }

    [Fact]
    public async Task Inclusion_proof_by_entry_hash_finds_the_entry()
    {
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, 600);
        var leaf = MerkleHasher.HashLeaf(TestLogs.Entry(517));
        var proof = await log.GetInclusionProofByHashAsync(leaf, 600);
        Assert.Equal(517, proof.LeafIndex);
        var root = await log.GetRootAsync(600);
        Assert.True(MerkleProof.VerifyInclusion(leaf, 517, 600, proof.Hashes.ToArray(), root));
    }
}
