using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Database;

/// <summary>
/// The writer's own checkpoint threshold (1 GiB of WAL) is never reached by a few megabytes, so pages reach the database file
/// only through the background checkpoint.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-checkpoint-");

    [Fact]
    public async Task Committed_pages_reach_the_database_file_without_a_checkpoint_in_any_commit()
    {
        var path = Path.Combine(_directory.FullName, "vigil.db");
        var options = StorageOptions.ForSqliteFile(path) with { CheckpointInterval = TimeSpan.FromMilliseconds(50) };
        await using (var database = new VigilDatabase(options))
        {
            await WriteAsync(database, megabytes: 4);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (new FileInfo(path).Length < 4 << 20 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.True(new FileInfo(path).Length >= 4 << 20, $"the database file holds {new FileInfo(path).Length} bytes; the WAL was not copied back");
        }

        await using var reopened = new VigilDatabase(StorageOptions.ForSqliteFile(path));
        await using var connection = await reopened.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*), sum(length(payload)) FROM filler";
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((64L, 4L << 20), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public void The_default_for_a_sqlite_file_checkpoints_in_the_background_and_postgres_has_none()
    {
        Assert.Equal(StorageOptions.DefaultCheckpointInterval, StorageOptions.ForSqliteFile("x.db").CheckpointInterval);
        Assert.Null(StorageOptions.ForPostgres("Host=127.0.0.1").CheckpointInterval);
    }

    private static async Task WriteAsync(VigilDatabase database, int megabytes)
    {
        await using var lease = await database.OpenWriterAsync();
        await using (var create = lease.Connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE filler (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var rows = megabytes * 16;
        for (var i = 0; i < rows; i++)
        {
            await using var insert = lease.Connection.CreateCommand();
            insert.CommandText = "INSERT INTO filler (payload) VALUES (randomblob(65536))";
            await insert.ExecuteNonQueryAsync();
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
