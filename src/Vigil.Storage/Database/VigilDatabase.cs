using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.Storage.Database;

/// <summary>Opens connections to the configured database and applies the schema migrations.</summary>
public sealed class VigilDatabase : IAsyncDisposable
{
    private static readonly object Configured = new();
    private readonly NpgsqlDataSource? _postgres;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private DbConnection? _writer;
    private SqliteCheckpointer? _checkpointer;

    public VigilDatabase(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (options.Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(options.ConnectionString);
        }
    }

    public StorageOptions Options { get; }

    public StorageProvider Provider => Options.Provider;

    public bool IsSqlite => Provider == StorageProvider.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        SqliteRuntime.Configure();
        var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Pooled connections keep their native handle, so the per-connection settings run once per handle, not per open:
        // on a hot read path the PRAGMAs cost more than the query. Reads go through a memory map shared by all
        // connections instead of pread copies; checkpoints run every 10,000 WAL pages (about 40 MB) rather than 1,000,
        // so a page rewritten by many small transactions is copied back and synced once.
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; " +
                "PRAGMA mmap_size=268435456; PRAGMA wal_autocheckpoint=10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    /// <summary>
    /// A connection for a write transaction. SQLite allows one writer at a time anyway: queuing writers here instead
    /// of in SQLite's busy handler (which sleeps) hands the lock over at once, and one long-lived writer connection
    /// keeps its page cache, which another connection's commit would otherwise invalidate.
    /// </summary>
    public async Task<WriterLease> OpenWriterAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return new WriterLease(await OpenAsync(cancellationToken).ConfigureAwait(false), gate: null, owned: true);
        }

        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is null)
            {
                _writer = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var pragma = _writer.CreateCommand();
                // Checkpoints every 262,144 WAL pages (1 GiB): a page dirtied by many envelopes (random-key index leaves) is copied
                // back and synced once per checkpoint instead of once per 64k pages. The WAL file keeps its size (up to 1 GiB). With
                // a checkpoint interval set, a background connection copies frames back between commits and this is only the cap.
                pragma.CommandText = "PRAGMA cache_size = -131072; PRAGMA wal_autocheckpoint = 262144";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (Options.CheckpointInterval is { } every)
                {
                    _checkpointer = new SqliteCheckpointer(this, every);
                }
            }

            return new WriterLease(_writer, _writerGate, owned: false);
        }
        catch
        {
            _writerGate.Release();
            throw;
        }
    }

    /// <summary>Applies every migration not yet recorded, each in its own transaction, in id order.</summary>
    public async Task MigrateAsync(IEnumerable<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT id FROM schema_migrations";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var migration in migrations.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            if (applied.Contains(migration.Id))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, IsSqlite ? migration.Sqlite : migration.Postgres, cancellationToken).ConfigureAwait(false);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)";
                AddParameter(record, "@id", migration.Id);
                AddParameter(record, "@at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            if (_checkpointer is not null)
            {
                await _checkpointer.DisposeAsync().ConfigureAwait(false);
            }

            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
            }

            SqliteConnection.ClearAllPools();
        }

        _writerGate.Dispose();
    }
}
