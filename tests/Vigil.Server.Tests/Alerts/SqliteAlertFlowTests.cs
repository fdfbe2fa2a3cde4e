namespace Vigil.Server.Tests.Alerts;

public sealed class SqliteAlertFlowTests(AlertHubFixture fixture) : AlertFlowContract(fixture), IClassFixture<AlertHubFixture>;
