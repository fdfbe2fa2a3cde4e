using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Privacy;

public sealed class PostgresPolicyStoreTests(PostgresFixture postgres) : PolicyStoreContract, IClassFixture<PostgresFixture>
{
    protected override async Task<StorageOptions> StorageAsync() => StorageOptions.ForPostgres(await postgres.CreateDatabaseAsync("policy"));
}
