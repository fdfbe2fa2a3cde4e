using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;
using Vigil.Ledger.Verification;

namespace Vigil.Ledger.Tests.Verification;

public sealed class WitnessTests
{
    [Fact]
    public async Task Witness_follows_a_growing_log_and_its_cosignature_is_served_with_the_checkpoint()
    {
        using var key = TestLogs.LogKey();
        using var witnessKey = TestLogs.WitnessKey("witness.example/court", 2);
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        var witness = new LogWitness(witnessKey, key.Verifier);
        var source = new LocalLogSource(log);

        LogState? state = null;
        foreach (var size in new[] { 1, 5, 256, 257, 1000 })
        {
            await log.AppendAsync(TestEvents.Entries(await log.GetSizeAsync(), size));
            await log.SignCheckpointAsync();
            var result = await witness.ObserveAsync(source, state);
            state = result.State;
            Assert.Equal(size, state.Size);
            await log.AddCosignaturesAsync(result.CosignedNote.ToString(), [witnessKey.Verifier]);
        }

        var served = CheckpointVerifier.Verify((await log.GetCheckpointAsync())!, key.Verifier, [witnessKey.Verifier]);
        Assert.Equal(1000, served.Checkpoint.Size);
        Assert.Equal("witness.example/court", Assert.Single(served.Cosignatures).WitnessName);
    }

    [Fact]
    public async Task Witness_refuses_a_fork_at_the_same_size()
    {
        using var key = TestLogs.LogKey();
        using var witnessKey = TestLogs.WitnessKey("witness.example/court", 2);
        using var honest = new TransparencyLog(new InMemoryLogStore(), key);
        using var forked = new TransparencyLog(new InMemoryLogStore(), key);
        await honest.AppendAsync(TestEvents.Entries(0, 50));
        var other = TestEvents.Entries(0, 50);
        other[10] = TestEvents.Entry(777);
        await forked.AppendAsync(other);
        await honest.SignCheckpointAsync();
        await forked.SignCheckpointAsync();

        var witness = new LogWitness(witnessKey, key.Verifier);
        var seen = await witness.ObserveAsync(new LocalLogSource(honest), null);
        var error = await Assert.ThrowsAsync<LedgerException>(() => witness.ObserveAsync(new LocalLogSource(forked), seen.State));
        Assert.Equal(LedgerFailure.Fork, error.Failure);
        Assert.Contains("two checkpoints of size 50 with different roots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Witness_refuses_a_larger_tree_that_does_not_extend_the_one_it_saw()
    {
        using var key = TestLogs.LogKey();
        using var witnessKey = TestLogs.WitnessKey("witness.example/court", 2);
        using var honest = new TransparencyLog(new InMemoryLogStore(), key);
        using var forked = new TransparencyLog(new InMemoryLogStore(), key);
        await honest.AppendAsync(TestEvents.Entries(0, 300));
        var other = TestEvents.Entries(0, 400);
        other[299] = TestEvents.Entry(777);
        await forked.AppendAsync(other);
        await honest.SignCheckpointAsync();
        await forked.SignCheckpointAsync();

        var witness = new LogWitness(witnessKey, key.Verifier);
        var seen = await witness.ObserveAsync(new LocalLogSource(honest), null);
        var error = await Assert.ThrowsAsync<LedgerException>(() => witness.ObserveAsync(new LocalLogSource(forked), seen.State));
        Assert.Equal(LedgerFailure.Fork, error.Failure);
        Assert.Contains("from size 300 to size 400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Witness_refuses_a_checkpoint_smaller_than_the_one_it_saw()
    {
        using var key = TestLogs.LogKey();
        using var witnessKey = TestLogs.WitnessKey("witness.example/court", 2);
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        await log.AppendAsync(TestEvents.Entries(0, 10));
        var old = (await log.SignCheckpointAsync()).ToString();
        await log.AppendAsync(TestEvents.Entries(10, 20));
        var witness = new LogWitness(witnessKey, key.Verifier);
        await log.SignCheckpointAsync();
        var seen = await witness.ObserveAsync(new LocalLogSource(log), null);
        var error = Assert.Throws<LedgerException>(() => witness.Cosign(old, seen.State, []));
        Assert.Equal(LedgerFailure.StaleCheckpoint, error.Failure);
    }

    [Fact]
    public async Task Pushed_checkpoint_with_a_valid_consistency_proof_is_cosigned()
    {
        using var key = TestLogs.LogKey();
        using var witnessKey = TestLogs.WitnessKey("witness.example/paper", 3);
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        await log.AppendAsync(TestEvents.Entries(0, 100));
        var first = (await log.SignCheckpointAsync()).ToString();
        var witness = new LogWitness(witnessKey, key.Verifier);
        var state = witness.Cosign(first, null, []).State;
        await log.AppendAsync(TestEvents.Entries(100, 1234));
        var second = (await log.SignCheckpointAsync()).ToString();
        var proof = await log.GetConsistencyProofAsync(100, 1234);
        var result = witness.Cosign(second, state, proof.Hashes);
        Assert.Equal(1234, result.State.Size);
        var error = Assert.Throws<LedgerException>(() => witness.Cosign(second, state, proof.Hashes.Skip(1).ToList()));
        Assert.Equal(LedgerFailure.Fork, error.Failure);
    }

    [Fact]
    public async Task Log_refuses_cosignatures_for_a_checkpoint_that_is_not_its_latest()
    {
        using var key = TestLogs.LogKey();
        using var witnessKey = TestLogs.WitnessKey("witness.example/court", 2);
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        await log.AppendAsync(TestEvents.Entries(0, 3));
        await log.SignCheckpointAsync();
        var cosigned = (await new LogWitness(witnessKey, key.Verifier).ObserveAsync(new LocalLogSource(log), null)).CosignedNote.ToString();
        await log.AppendAsync(TestEvents.Entries(3, 4));
        await log.SignCheckpointAsync();
        var error = await Assert.ThrowsAsync<LedgerException>(() => log.AddCosignaturesAsync(cosigned, [witnessKey.Verifier]));
        Assert.Equal(LedgerFailure.StaleCheckpoint, error.Failure);
    }
}
