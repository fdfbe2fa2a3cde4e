using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Members;

public sealed class PostgresMemberStoreTests(PostgresFixture postgres) : MemberStoreContract, IClassFixture<PostgresFixture>
{
    protected override Task<StorageOptions> CreateStorageAsync() => Task.FromResult(StorageOptions.ForPostgres(postgres.ConnectionString));
}
