using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Disclosures;

public sealed class PostgresDisclosureApiTests(PostgresTaxiiHubFixture fixture) : DisclosureApiContract, IClassFixture<PostgresTaxiiHubFixture>
{
    protected override TestHub Hub => fixture.Hub;
}
