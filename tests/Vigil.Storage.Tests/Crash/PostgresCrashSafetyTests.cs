using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Crash;

public sealed class PostgresCrashSafetyTests(PostgresFixture postgres) : CrashSafetyContract, IClassFixture<PostgresFixture>
{
    protected override async Task<StorageOptions> StorageAsync() => StorageOptions.ForPostgres(await postgres.CreateDatabaseAsync("crash"));
}
