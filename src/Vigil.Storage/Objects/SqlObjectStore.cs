using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;
using Vigil.Storage.Members;

namespace Vigil.Storage.Objects;

/// <summary>
/// <see cref="IObjectStore"/> on SQLite or PostgreSQL with hand-written SQL. Writers are serialized through the
/// <c>stix_clock</c> row so that date_added (= seq) is unique and commits appear in seq order, which keeps
/// keyset paging exact. Split by feature over several files. With an <paramref name="outbox"/>, every deletion writes its
/// <c>data-deleted</c> event in the deleting transaction.
/// </summary>
public sealed partial class SqlObjectStore(
    VigilDatabase database, IMemberStore members, TimeProvider? time = null, IReadOnlyList<IEnvelopeIndexer>? indexers = null,
    Alerts.SqlEventOutbox? outbox = null) : IObjectStore
{
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private bool Sqlite => database.IsSqlite;

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A list parameter: a text[] on PostgreSQL, a JSON array read with json_each on SQLite.</summary>
    private string InList(DbCommand command, string column, string name, IReadOnlyCollection<string> values)
    {
        if (Sqlite)
        {
            Parameter(command, name, JsonSerializer.Serialize(values));
            return $"{column} IN (SELECT value FROM json_each({name}))";
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });
        return $"{column} = ANY({name})";
    }

    private string InList(DbCommand command, string column, string name, IReadOnlyCollection<long> values)
    {
        if (Sqlite)
        {
            Parameter(command, name, JsonSerializer.Serialize(values));
            return $"{column} IN (SELECT value FROM json_each({name}))";
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() });
        return $"{column} = ANY({name})";
    }

    private static StoredObject ReadObject(DbDataReader row) => new()
    {
        Seq = row.GetInt64(0),
        CollectionId = row.GetString(1),
        Id = row.GetString(2),
        Type = row.GetString(3),
        SpecVersion = row.GetString(4),
        Version = row.GetString(5),
        Tlp = (TlpLevel)row.GetInt32(6),
        AuthorOrgId = row.GetString(7),
        Revoked = row.GetInt32(8) != 0,
        Json = row.IsDBNull(9) ? null : row.GetString(9),
    };
}
