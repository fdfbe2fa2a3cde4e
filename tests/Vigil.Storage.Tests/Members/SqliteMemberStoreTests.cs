using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Members;

public sealed class SqliteMemberStoreTests : MemberStoreContract
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-members-");

    protected override Task<StorageOptions> CreateStorageAsync() =>
        Task.FromResult(StorageOptions.ForSqliteFile(Path.Combine(_directory.FullName, "vigil.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
