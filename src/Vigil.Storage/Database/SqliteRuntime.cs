using SQLitePCL;

namespace Vigil.Storage.Database;

/// <summary>
/// Process-wide SQLite settings, applied before the first connection opens. ADO.NET never shares a connection
/// between threads at once, so SQLite's per-connection mutex (serialized mode) and its memory statistics only
/// add a lock to every call on the read path.
/// </summary>
internal static class SqliteRuntime
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        Batteries_V2.Init();

        // Both calls fail harmlessly (SQLITE_MISUSE) when something in the process opened SQLite first.
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
