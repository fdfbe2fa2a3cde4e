using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Verification;

public sealed class TransparencyLogTests
{
    [Fact]
    public async Task Log_reopened_over_its_store_continues_the_same_tree()
    {
        var store = new InMemoryLogStore();
        using var key = TestLogs.LogKey();
        using (var first = new TransparencyLog(store, key))
        {
            await first.AppendAsync(TestEvents.Entries(0, 300));
            await first.SignCheckpointAsync();
        }

        using var reopened = new TransparencyLog(store, key);
        await reopened.AppendAsync(TestEvents.Entries(300, 600));
        var leaves = TestEvents.Entries(0, 600).Select(e => MerkleHasher.HashLeaf(e.Span)).ToArray();
        Assert.Equal(ReferenceMerkle.Root(leaves), await reopened.GetRootAsync(600));
    }

    [Fact]
    public async Task Batch_that_does_not_start_at_the_stored_size_is_refused_and_nothing_changes()
    {
        var store = new InMemoryLogStore();
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(store, key);
        await log.AppendAsync(TestEvents.Entries(0, 5));
        var stale = new LogAppendBatch
        {
            StartIndex = 3,
            Entries = TestEvents.Entries(3, 4),
            Levels = [new LevelHashes { Level = 0, Start = 3, Hashes = new[] { MerkleHasher.HashLeaf(TestEvents.Entry(3)) } }],
        };
        var error = await Assert.ThrowsAsync<LedgerException>(async () => await store.AppendAsync(stale, default));
        Assert.Equal(LedgerFailure.ConcurrentAppend, error.Failure);
        Assert.Equal(5, await log.GetSizeAsync());
    }

    [Fact]
    public async Task Concurrent_appends_keep_every_entry_exactly_once()
    {
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(t => Task.Run(() => log.AppendAsync(TestEvents.Entries(t * 100, (t * 100) + 100)))));
        Assert.Equal(2000, await log.GetSizeAsync());
        var entries = await log.ReadEntriesAsync(0, 2000);
        Assert.Equal(2000, entries.Select(e => Convert.ToBase64String(e.Span)).Distinct().Count());
    }

    [Fact]
    public async Task Checkpoint_is_signed_by_the_log_key_and_reissued_only_when_the_tree_grows()
    {
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        Assert.Null(await log.GetCheckpointAsync());
        var empty = await log.SignCheckpointAsync();
        Assert.Equal(0, Checkpoint.Parse(empty.Text).Size);
        Assert.Equal(MerkleHasher.EmptyRoot, Checkpoint.Parse(empty.Text).RootHash);
        await log.AppendAsync(TestEvents.Entries(0, 7));
        var seven = await log.SignCheckpointAsync();
        var again = await log.SignCheckpointAsync();
        Assert.Equal(seven.ToString(), again.ToString());
        var verified = CheckpointVerifier.Verify((await log.GetCheckpointAsync())!, log.Verifier);
        Assert.Equal(7, verified.Checkpoint.Size);
        Assert.Equal(TestLogs.Origin, verified.Checkpoint.Origin);
        Assert.StartsWith("hub.example.org/log+", log.Verifier.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_refuses_to_sign_when_stored_hashes_no_longer_match_its_last_checkpoint()
    {
        var store = new InMemoryLogStore();
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(store, key);
        await log.AppendAsync(TestEvents.Entries(0, 10));
        await log.SignCheckpointAsync();
        store.TamperHash(0, 4, MerkleHasher.HashLeaf([4]));
        await log.AppendAsync(TestEvents.Entries(10, 12));
        var error = await Assert.ThrowsAsync<LedgerException>(() => log.SignCheckpointAsync());
        Assert.Equal(LedgerFailure.Fork, error.Failure);
        Assert.Contains("refusing to sign", error.Message, StringComparison.Ordinal);
    }
}
