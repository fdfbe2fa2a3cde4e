using Vigil.Server.Tests.Infrastructure;
using Vigil.Testing.Postgres;

namespace Vigil.Server.Tests.Retention;

public sealed class PostgresRetentionApiTests(PostgresFixture postgres) : RetentionApiContract, IClassFixture<PostgresFixture>
{
    protected override async Task<TestHubOptions> HubOptionsAsync() =>
        new() { PostgresConnectionString = await postgres.CreateDatabaseAsync("retention") };
}
