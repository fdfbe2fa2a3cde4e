namespace Vigil.Server.Tests.Alerts;

public sealed class PostgresAlertFlowTests(PostgresAlertHubFixture fixture) : AlertFlowContract(fixture), IClassFixture<PostgresAlertHubFixture>;
