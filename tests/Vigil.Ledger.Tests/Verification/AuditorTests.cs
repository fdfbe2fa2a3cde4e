using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;
using Vigil.Ledger.Verification;

namespace Vigil.Ledger.Tests.Verification;

public sealed class AuditorTests
{
    private const int Size = 1000;

    [Fact]
    public async Task Untampered_log_verifies_end_to_end_and_yields_a_state()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(Size, report.EntriesVerified);
        Assert.Equal(Size, report.State!.Size);
        Assert.Equal(await log.GetRootAsync(Size), report.State.RootHash);
        Assert.Equal(MerkleFrontier.FromHashes(Size, report.State.Frontier).Root(), report.State.RootHash);
        Assert.NotNull(store);
    }

    [Fact]
    public async Task Growth_since_the_previous_state_verifies_and_the_state_survives_a_round_trip_through_its_file_form()
    {
        var (store, log, key) = await LogAsync(300);
        using var _ = log;
        using var __ = key;
        var auditor = new LogAuditor(new LocalLogSource(log), key.Verifier);
        var first = await auditor.AuditAsync(null);
        await log.AppendAsync(TestEvents.Entries(300, 5000));
        await log.SignCheckpointAsync();
        var second = await auditor.AuditAsync(LogState.Parse(first.State!.ToJson()));
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(5000, second.State!.Size);
        Assert.NotNull(store);
    }

    [Fact]
    public async Task Audit_recomputes_tiles_up_to_level_two_and_pins_a_changed_level_one_hash()
    {
        var store = new InMemoryLogStore();
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(store, key, 66_000, batch: 10_000);
        await log.SignCheckpointAsync();
        var auditor = new LogAuditor(new LocalLogSource(log), key.Verifier, validateEntry: (_, _) => { });
        var clean = await auditor.AuditAsync(null);
        Assert.True(clean.Succeeded, clean.Message);

        store.TamperHash(LogLayout.StoredLevelOfTileLevel(1), 200, MerkleHasher.HashLeaf([9]));
        var report = await auditor.AuditAsync(clean.State);
        AssertFailure(report, LedgerFailure.TileMismatch, 200 * 256);
        Assert.Contains("tile/1/000", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_entry_is_reported_at_its_index()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        store.TamperEntry(517, TestEvents.Entry(9999));
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.TileMismatch, 517);
    }

    [Fact]
    public async Task Removed_entry_is_reported_at_its_index()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        store.TamperEntries(entries => entries.RemoveAt(400));
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        Assert.False(report.Succeeded);
        Assert.Equal(400, report.FirstBadIndex);
    }

    [Fact]
    public async Task Inserted_entry_is_reported_at_its_index()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        store.TamperEntries(entries => entries.Insert(123, TestEvents.Entry(5555)));
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.TileMismatch, 123);
    }

    [Fact]
    public async Task Reordered_entries_are_reported_at_the_first_moved_index()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        store.TamperEntries(entries => (entries[700], entries[701]) = (entries[701], entries[700]));
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.TileMismatch, 700);
    }

    [Fact]
    public async Task Entry_changed_together_with_its_leaf_hash_is_caught_by_the_tile_above()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        var forged = TestEvents.Entry(4242);
        store.TamperEntry(300, forged);
        store.TamperHash(0, 300, MerkleHasher.HashLeaf(forged));
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.TileMismatch, 256);
        Assert.Contains("tile/1/000.p/3", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewritten_history_resigned_with_the_log_key_is_reported_as_a_fork_with_the_changed_range()
    {
        var (_, log, key) = await LogAsync(Size);
        using var __ = log;
        using var ___ = key;
        var before = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);

        // The operator rebuilds the whole log with entry 600 changed, and signs it with its real key.
        var rewritten = new TransparencyLog(new InMemoryLogStore(), key);
        using var ____ = rewritten;
        var entries = TestEvents.Entries(0, Size + 10);
        entries[600] = TestEvents.Entry(31337);
        await rewritten.AppendAsync(entries);
        await rewritten.SignCheckpointAsync();

        var fresh = await new LogAuditor(new LocalLogSource(rewritten), key.Verifier).AuditAsync(null);
        Assert.True(fresh.Succeeded, "Without history the rewritten log is self-consistent.");
        var report = await new LogAuditor(new LocalLogSource(rewritten), key.Verifier).AuditAsync(before.State);
        AssertFailure(report, LedgerFailure.Fork, 512);
        Assert.Contains("[512, 768)", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_smaller_than_the_verified_state_is_stale()
    {
        var (_, log, key) = await LogAsync(Size);
        using var __ = log;
        using var ___ = key;
        var state = new LogState { Origin = TestLogs.Origin, Size = Size + 1, RootHash = MerkleHasher.EmptyRoot };
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(state);
        AssertFailure(report, LedgerFailure.StaleCheckpoint, null);
        Assert.Contains("smaller than the size 1001", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_size_with_another_root_is_a_fork()
    {
        var (_, log, key) = await LogAsync(Size);
        using var __ = log;
        using var ___ = key;
        var state = new LogState { Origin = TestLogs.Origin, Size = Size, RootHash = MerkleHasher.EmptyRoot };
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(state);
        AssertFailure(report, LedgerFailure.Fork, null);
    }

    [Fact]
    public async Task Checkpoint_signed_with_another_key_is_refused()
    {
        var (_, log, key) = await LogAsync(10);
        using var __ = log;
        using var ___ = key;
        using var impostor = TestLogs.LogKey(seed: 77);
        var report = await new LogAuditor(new LocalLogSource(log), impostor.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.UntrustedNote, null);
    }

    [Fact]
    public async Task Entry_that_is_not_a_ledger_entry_is_reported_at_its_index()
    {
        var (_, log, key) = await LogAsync(20);
        using var __ = log;
        using var ___ = key;
        await log.AppendAsync("{\"type\":\"object-shared\",\"content\":\"the leaked message\"}"u8.ToArray());
        await log.SignCheckpointAsync();
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.MalformedEntry, 20);
    }

    [Fact]
    public async Task Missing_entry_bundle_is_reported_at_its_first_index()
    {
        var (store, log, key) = await LogAsync(Size);
        using var _ = log;
        using var __ = key;
        store.TamperEntries(entries => entries.RemoveRange(900, 100));
        var report = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        AssertFailure(report, LedgerFailure.MalformedTile, 768);
    }

    private static void AssertFailure(AuditReport report, LedgerFailure failure, long? index)
    {
        Assert.False(report.Succeeded, "The audit should have failed.");
        Assert.True(failure == report.Failure, $"Expected {failure}, got {report.Failure}: {report.Message}");
        Assert.True(index == report.FirstBadIndex, $"Expected index {index}, got {report.FirstBadIndex}: {report.Message}");
        Assert.NotEmpty(report.Message);
    }

    private static async Task<(InMemoryLogStore Store, TransparencyLog Log, Vigil.Ledger.Notes.NoteSigner Key)> LogAsync(int size)
    {
        var store = new InMemoryLogStore();
        var key = TestLogs.LogKey();
        var log = new TransparencyLog(store, key);
        await log.AppendAsync(TestEvents.Entries(0, size));
        await log.SignCheckpointAsync();
        return (store, log, key);
    }
}
