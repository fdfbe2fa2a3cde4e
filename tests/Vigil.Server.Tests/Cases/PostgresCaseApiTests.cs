using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Cases;

public sealed class PostgresCaseApiTests(PostgresTaxiiHubFixture fixture) : CaseApiContract, IClassFixture<PostgresTaxiiHubFixture>
{
    protected override TestHub Hub => fixture.Hub;
}
