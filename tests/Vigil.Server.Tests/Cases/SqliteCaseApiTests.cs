using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cases;

public sealed class SqliteCaseApiTests(TestHubFixture fixture) : CaseApiContract, IClassFixture<TestHubFixture>
{
    protected override TestHub Hub => fixture.Hub;
}
