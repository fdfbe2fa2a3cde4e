using Vigil.Storage.Database;
using Vigil.Storage.Tests.Objects;

namespace Vigil.Storage.Tests.Retention;

public sealed class SqliteRetentionStoreTests : RetentionStoreContract
{
    private string? _directory;

    protected override Task<StorageOptions> StorageAsync() => Task.FromResult(StorageBackends.NewSqliteFile(out _directory));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory!, recursive: true);
    }
}
