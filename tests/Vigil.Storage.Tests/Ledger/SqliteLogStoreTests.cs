using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Ledger;

public sealed class SqliteLogStoreTests : SqlLogStoreContract
{
    private string? _directory;

    protected override Task<StorageOptions> StorageAsync() => Task.FromResult(Objects.StorageBackends.NewSqliteFile(out _directory));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory!, recursive: true);
    }
}
