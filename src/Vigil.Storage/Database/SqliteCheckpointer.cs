using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Database;

/// <summary>
/// Copies committed WAL frames back into the database file on a connection of its own, at a fixed interval. SQLite otherwise
/// checkpoints inside the commit that crosses the WAL threshold, and every writer queued behind that commit waits for the copy
/// and its fsync. A passive checkpoint never blocks the writer or readers; the writer's own threshold stays as the cap should
/// this loop fall behind.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(VigilDatabase database, TimeSpan interval)
    {
        _loop = Task.Run(() => RunAsync(database, interval, _stop.Token));
    }

    private static async Task RunAsync(VigilDatabase database, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException)
                {
                    // Busy, or the file is going away: the next tick tries again, and the writer's threshold still applies.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the database.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
