using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Taxii;

public sealed class PostgresTaxiiServerTests(PostgresTaxiiHubFixture fixture) : TaxiiServerContract, IClassFixture<PostgresTaxiiHubFixture>
{
    protected override TestHub Hub => fixture.Hub;
}
