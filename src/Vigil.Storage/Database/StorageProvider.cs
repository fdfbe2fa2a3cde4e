namespace Vigil.Storage.Database;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
