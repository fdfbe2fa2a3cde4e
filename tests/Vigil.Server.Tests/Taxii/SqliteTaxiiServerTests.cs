using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Taxii;

public sealed class SqliteTaxiiServerTests(TestHubFixture fixture) : TaxiiServerContract, IClassFixture<TestHubFixture>
{
    protected override TestHub Hub => fixture.Hub;
}
