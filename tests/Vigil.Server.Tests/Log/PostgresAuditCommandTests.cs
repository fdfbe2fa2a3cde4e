using Vigil.Server.Tests.Infrastructure;
using Vigil.Testing.Postgres;

namespace Vigil.Server.Tests.Log;

public sealed class PostgresAuditCommandTests(PostgresFixture postgres) : AuditCommandContract, IClassFixture<PostgresFixture>
{
    protected override async Task<TestHubOptions> HubOptionsAsync() =>
        new() { PostgresConnectionString = await postgres.CreateDatabaseAsync("audit") };
}
