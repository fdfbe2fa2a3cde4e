using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Objects;

/// <summary>Fresh storage for a test: a new SQLite file in a temporary directory.</summary>
internal static class StorageBackends
{
    public static StorageOptions NewSqliteFile(out string directory)
    {
        directory = Directory.CreateTempSubdirectory("vigil-store-").FullName;
        return StorageOptions.ForSqliteFile(Path.Combine(directory, "vigil.db"));
    }
}
