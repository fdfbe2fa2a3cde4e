using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Retention;

public sealed class SqliteRetentionApiTests : RetentionApiContract
{
    protected override Task<TestHubOptions> HubOptionsAsync() => Task.FromResult(new TestHubOptions());
}
