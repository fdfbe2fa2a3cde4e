using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Log;

public sealed class SqliteAuditCommandTests : AuditCommandContract
{
    protected override Task<TestHubOptions> HubOptionsAsync() => Task.FromResult(new TestHubOptions());
}
