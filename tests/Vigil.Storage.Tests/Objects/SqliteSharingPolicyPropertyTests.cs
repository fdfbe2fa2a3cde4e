using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Objects;

public sealed class SqliteSharingPolicyPropertyTests : SharingPolicyPropertyContract
{
    private string? _directory;

    protected override Task<StorageOptions> StorageAsync() => Task.FromResult(StorageBackends.NewSqliteFile(out _directory));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory!, recursive: true);
    }
}
