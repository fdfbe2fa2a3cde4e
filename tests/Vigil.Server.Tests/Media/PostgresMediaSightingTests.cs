using Vigil.Server.Tests.Alerts;

namespace Vigil.Server.Tests.Media;

[Collection(MediaUploads.Name)]
public sealed class PostgresMediaSightingTests(PostgresAlertHubFixture fixture) : MediaSightingContract(fixture), IClassFixture<PostgresAlertHubFixture>;
