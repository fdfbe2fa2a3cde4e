using System.Data.Common;

namespace Vigil.Storage.Database;

/// <summary>
/// A connection held for one write. On SQLite it is the database's single writer connection, handed to one
/// writer at a time; disposing the lease gives it back. On PostgreSQL it is a pooled connection, closed on dispose.
/// </summary>
public sealed class WriterLease : IAsyncDisposable
{
    private readonly SemaphoreSlim? _gate;
    private readonly bool _owned;

    internal WriterLease(DbConnection connection, SemaphoreSlim? gate, bool owned)
    {
        Connection = connection;
        _gate = gate;
        _owned = owned;
    }

    public DbConnection Connection { get; }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }

        _gate?.Release();
    }
}
