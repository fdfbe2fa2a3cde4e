using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Crash;

public sealed class SqliteCrashSafetyTests : CrashSafetyContract, IDisposable
{
    private string? _directory;

    protected override Task<StorageOptions> StorageAsync() => Task.FromResult(Objects.StorageBackends.NewSqliteFile(out _directory));

    public void Dispose() => Directory.Delete(_directory!, recursive: true);
}
