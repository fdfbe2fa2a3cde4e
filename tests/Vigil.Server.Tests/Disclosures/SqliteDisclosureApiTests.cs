using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Disclosures;

public sealed class SqliteDisclosureApiTests(TestHubFixture fixture) : DisclosureApiContract, IClassFixture<TestHubFixture>
{
    protected override TestHub Hub => fixture.Hub;
}
