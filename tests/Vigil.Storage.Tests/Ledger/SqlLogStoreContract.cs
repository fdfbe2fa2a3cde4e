using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Verification;
using Vigil.Storage.Database;
using Vigil.Storage.Ledger;

namespace Vigil.Storage.Tests.Ledger;

/// <summary>The SQL log store's behaviour, run against SQLite and PostgreSQL by the concrete subclasses.</summary>
public abstract class SqlLogStoreContract : IAsyncLifetime
{
    private const int LogSize = 1000;

    private VigilDatabase _database = null!;

    protected StorageOptions Options { get; private set; } = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        Options = await StorageAsync();
        _database = new VigilDatabase(Options);
        await _database.MigrateAsync(SchemaMigrations.All);
    }

    public virtual async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Appended_log_survives_reopening_and_audits_clean()
    {
        await FillAsync(LogSize);

        await using var reopened = new VigilDatabase(Options);
        using var key = LedgerSamples.LogKey();
        using var log = new TransparencyLog(new SqlLogStore(reopened), key);
        Assert.Equal(LogSize, await log.GetSizeAsync());
        Assert.Equal(LedgerSamples.Entry(123), (await log.ReadEntriesAsync(123, 1))[0].ToArray());
        var proof = await log.GetInclusionProofByHashAsync(MerkleHasher.HashLeaf(LedgerSamples.Entry(777)), LogSize);
        Assert.Equal(777, proof.LeafIndex);

        var report = await AuditAsync();
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(LogSize, report.EntriesVerified);
    }

    [Fact]
    public async Task Store_keeps_a_stored_hash_level_every_four_tree_levels()
    {
        await FillAsync(LogSize);
        var store = new SqlLogStore(_database);
        var level1 = new MerkleHash[LogSize / 16];
        await store.ReadHashesAsync(1, 0, level1, default);
        var leaves = new MerkleHash[16];
        await store.ReadHashesAsync(0, 32, leaves, default);
        Assert.Equal(MerkleHasher.RootOf(leaves), level1[2]);
        var level2 = new MerkleHash[LogSize / 256];
        await store.ReadHashesAsync(2, 0, level2, default);
        Assert.Equal(MerkleHasher.RootOf(level1.AsSpan(16, 16)), level2[1]);
    }

    [Fact]
    public async Task A_long_lived_store_serves_hashes_past_what_it_read_before_and_a_rewritten_log_afresh()
    {
        using var key = LedgerSamples.LogKey();
        using var log = new TransparencyLog(new SqlLogStore(_database), key);
        await log.AppendAsync(LedgerSamples.Entries(0, 40));
        await log.SignCheckpointAsync();
        Assert.Equal(7, (await log.GetInclusionProofAsync(7, 40)).LeafIndex);

        // The first tile was read while it held 40 hashes; the log grows past it and the same store audits clean.
        for (long start = 40; start < 340; start += 100)
        {
            await log.AppendAsync(LedgerSamples.Entries(start, Math.Min(340, start + 100)));
        }

        await log.SignCheckpointAsync();
        var grown = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        Assert.True(grown.Succeeded, grown.Message);
        Assert.Equal(340, grown.EntriesVerified);

        // History rewritten under the running store to another log of the same size: what it serves is the new log.
        await ExecuteAsync("DELETE FROM ledger_hashes");
        await ExecuteAsync("DELETE FROM ledger_entries");
        await ExecuteAsync("UPDATE ledger_head SET size = 0, checkpoint = NULL");
        await log.AppendAsync(LedgerSamples.Entries(1000, 1340));
        await log.SignCheckpointAsync();
        var rewritten = await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
        Assert.True(rewritten.Succeeded, rewritten.Message);
        Assert.Equal(340, rewritten.EntriesVerified);
    }

    [Fact]
    public async Task Batch_not_starting_at_the_stored_size_is_refused_and_nothing_is_written()
    {
        await FillAsync(20);
        var store = new SqlLogStore(_database);
        var leaf = MerkleHasher.HashLeaf(LedgerSamples.Entry(5));
        var batch = new LogAppendBatch
        {
            StartIndex = 5,
            Entries = [LedgerSamples.Entry(5)],
            Levels = [new LevelHashes { Level = 0, Start = 5, Hashes = new[] { leaf } }],
        };

        var refused = await Assert.ThrowsAsync<LedgerException>(async () => await store.AppendAsync(batch, default));
        Assert.Equal(LedgerFailure.ConcurrentAppend, refused.Failure);
        Assert.Contains("holds 20 entries", refused.Message, StringComparison.Ordinal);
        Assert.Equal(20, await store.GetSizeAsync(default));
        Assert.Equal(5, await store.FindLeafIndexAsync(leaf, default));
    }

    [Fact]
    public async Task Changed_entry_row_is_detected_at_its_index()
    {
        await FillAndCheckpointAsync();
        await ExecuteAsync("UPDATE ledger_entries SET entry = @e WHERE idx = 421", ("@e", LedgerSamples.Entry(5000)));

        var report = await AuditAsync();
        Assert.False(report.Succeeded);
        Assert.Equal(LedgerFailure.TileMismatch, report.Failure);
        Assert.Equal(421, report.FirstBadIndex);
    }

    [Fact]
    public async Task Deleted_entry_row_is_detected()
    {
        await FillAndCheckpointAsync();
        await ExecuteAsync("DELETE FROM ledger_entries WHERE idx = 300");

        var report = await AuditAsync();
        Assert.False(report.Succeeded);
        Assert.Contains("300", report.Message, StringComparison.Ordinal);
        Assert.InRange(report.FirstBadIndex ?? -1, 0, 300);
    }

    [Fact]
    public async Task Inserted_entry_row_is_detected()
    {
        await FillAndCheckpointAsync();
        var forged = LedgerSamples.Entry(9000);
        var leaf = MerkleHasher.HashLeaf(forged);

        // Shift rows 600.. up by one (through negative ids so the primary key never collides), then insert at 600.
        await ExecuteAsync("UPDATE ledger_entries SET idx = -idx - 1 WHERE idx >= 600");
        await ExecuteAsync("UPDATE ledger_entries SET idx = -idx WHERE idx < 0");
        await ExecuteAsync(
            "INSERT INTO ledger_entries (idx, leaf_key, leaf_hash, entry) VALUES (600, @k, @h, @e)",
            ("@k", SqlLogStore.LeafKey(leaf)), ("@h", leaf.ToArray()), ("@e", forged));

        var report = await AuditAsync();
        Assert.False(report.Succeeded, "an inserted row went unnoticed");
        Assert.InRange(report.FirstBadIndex ?? 0, 0, 600);
    }

    [Fact]
    public async Task Swapped_entry_rows_are_detected()
    {
        await FillAndCheckpointAsync();
        await ExecuteAsync("UPDATE ledger_entries SET idx = -1 WHERE idx = 10");
        await ExecuteAsync("UPDATE ledger_entries SET idx = 10 WHERE idx = 11");
        await ExecuteAsync("UPDATE ledger_entries SET idx = 11 WHERE idx = -1");

        var report = await AuditAsync();
        Assert.False(report.Succeeded, "two swapped rows went unnoticed");
        Assert.InRange(report.FirstBadIndex ?? 0, 0, 10);
    }

    [Fact]
    public async Task Killed_writer_loses_duplicates_and_reorders_nothing()
    {
        long committed = 0;
        for (var round = 0; round < 3; round++)
        {
            committed = Math.Max(committed, await RunAndKillWriterAsync(batchesBeforeKill: 2 + round));
        }

        var store = new SqlLogStore(_database);
        var size = await store.GetSizeAsync(default);
        Assert.True(size >= committed, $"the log holds {size} entries but the writer had committed {committed}");
        Assert.Equal(0, size % LedgerCrashWriter.BatchSize);
        var entries = await store.ReadEntriesAsync(0, (int)size, default);
        for (var i = 0; i < size; i++)
        {
            Assert.True(entries[i].Span.SequenceEqual(LedgerSamples.Entry(i)), $"entry {i} is not the one appended at index {i}");
        }

        using var key = LedgerSamples.LogKey();
        using var log = new TransparencyLog(store, key);
        await log.SignCheckpointAsync();
        var report = await AuditAsync();
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(size, report.EntriesVerified);
    }

    private async Task FillAsync(long count)
    {
        using var key = LedgerSamples.LogKey();
        using var log = new TransparencyLog(new SqlLogStore(_database), key);
        for (long start = 0; start < count; start += 100)
        {
            await log.AppendAsync(LedgerSamples.Entries(start, Math.Min(count, start + 100)));
        }

        await log.SignCheckpointAsync();
    }

    private async Task FillAndCheckpointAsync()
    {
        await FillAsync(LogSize);
        var clean = await AuditAsync();
        Assert.True(clean.Succeeded, "the untampered log must audit clean: " + clean.Message);
    }

    private async Task<AuditReport> AuditAsync()
    {
        using var key = LedgerSamples.LogKey();
        using var log = new TransparencyLog(new SqlLogStore(_database), key);
        return await new LogAuditor(new LocalLogSource(log), key.Verifier).AuditAsync(null);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            VigilDatabase.AddParameter(command, name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> RunAndKillWriterAsync(int batchesBeforeKill)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "exec", typeof(LedgerCrashWriter).Assembly.Location, LedgerCrashWriter.Mode,
                     Options.Provider == StorageProvider.Postgres ? "postgres" : "sqlite", Options.ConnectionString,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the ledger writer");
        var errors = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        long committed = 0;
        for (var seen = 0; seen < batchesBeforeKill;)
        {
            var line = await child.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                Assert.Fail("the ledger writer exited early: " + await errors);
            }

            if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                committed = long.Parse(line["committed ".Length..], CultureInfo.InvariantCulture);
                seen++;
            }
        }

        // SIGKILL while the writer is inside its next batch.
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(timeout.Token);
        return committed;
    }
}
