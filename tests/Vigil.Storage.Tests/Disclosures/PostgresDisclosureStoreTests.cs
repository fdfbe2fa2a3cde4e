using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Disclosures;

public sealed class PostgresDisclosureStoreTests(PostgresFixture postgres) : DisclosureStoreContract, IClassFixture<PostgresFixture>
{
    protected override async Task<StorageOptions> StorageAsync() => StorageOptions.ForPostgres(await postgres.CreateDatabaseAsync("disclosures"));
}
