using Npgsql;
using Vigil.Testing.Postgres;

namespace Vigil.Storage.Tests.Fixtures;

public sealed class PostgresServerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Fixture_database_accepts_connections_and_is_empty()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal("15", connection.PostgreSqlVersion.Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Each_database_is_separate()
    {
        var other = await postgres.CreateDatabaseAsync();
        Assert.NotEqual(postgres.ConnectionString, other);
        await using var connection = new NpgsqlConnection(other);
        await connection.OpenAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }
}
