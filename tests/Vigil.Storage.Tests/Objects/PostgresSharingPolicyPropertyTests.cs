using Vigil.Storage.Database;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Objects;

public sealed class PostgresSharingPolicyPropertyTests(PostgresFixture postgres) : SharingPolicyPropertyContract, IClassFixture<PostgresFixture>
{
    protected override async Task<StorageOptions> StorageAsync() => StorageOptions.ForPostgres(await postgres.CreateDatabaseAsync("policy"));
}
