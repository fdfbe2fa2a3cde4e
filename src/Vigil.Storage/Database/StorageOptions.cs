namespace Vigil.Storage.Database;

/// <summary>Where Vigil keeps its data: a SQLite file (the default) or a PostgreSQL connection string.</summary>
public sealed record StorageOptions
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;
    public required string ConnectionString { get; init; }

    public static StorageOptions ForSqliteFile(string path) =>
        new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=True;Default Timeout=30" };

    public static StorageOptions ForPostgres(string connectionString) =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = connectionString };
}
