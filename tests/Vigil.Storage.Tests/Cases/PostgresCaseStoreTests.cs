using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Cases;

public sealed class PostgresCaseStoreTests(PostgresFixture postgres) : CaseStoreContract, IClassFixture<PostgresFixture>
{
    protected override async Task<StorageOptions> StorageAsync() => StorageOptions.ForPostgres(await postgres.CreateDatabaseAsync("cases"));
}
