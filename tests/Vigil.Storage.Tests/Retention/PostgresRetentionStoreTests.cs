using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Retention;

public sealed class PostgresRetentionStoreTests(PostgresFixture postgres) : RetentionStoreContract, IClassFixture<PostgresFixture>
{
    protected override async Task<StorageOptions> StorageAsync() => StorageOptions.ForPostgres(await postgres.CreateDatabaseAsync("retention"));
}
