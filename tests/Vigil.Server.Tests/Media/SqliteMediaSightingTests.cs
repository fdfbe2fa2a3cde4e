using Vigil.Server.Tests.Alerts;

namespace Vigil.Server.Tests.Media;

[Collection(MediaUploads.Name)]
public sealed class SqliteMediaSightingTests(AlertHubFixture fixture) : MediaSightingContract(fixture), IClassFixture<AlertHubFixture>;
