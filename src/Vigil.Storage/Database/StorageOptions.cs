namespace Vigil.Storage.Database;

/// <summary>Where Vigil keeps its data: a SQLite file (the default) or a PostgreSQL connection string.</summary>
public sealed record StorageOptions
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;
    public required string ConnectionString { get; init; }

    /// <summary>
    /// SQLite: how often a background connection copies committed WAL frames back into the database file, so the writer's commits
    /// do not stop for it; null leaves checkpoints to SQLite, inside the commit that crosses the WAL threshold.
    /// </summary>
    public TimeSpan? CheckpointInterval { get; init; }

    public static StorageOptions ForSqliteFile(string path) =>
        new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=True;Default Timeout=30", CheckpointInterval = DefaultCheckpointInterval };

    public static TimeSpan DefaultCheckpointInterval { get; } = TimeSpan.FromSeconds(1);

    public static StorageOptions ForPostgres(string connectionString) =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = connectionString };
}
