using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Correlation;

/// <summary>A list parameter: a text[] on PostgreSQL, a JSON array read with json_each on SQLite.</summary>
internal static class SqlLists
{
    public static string In(DbCommand command, bool sqlite, string column, string name, IReadOnlyCollection<string> values)
    {
        AddList(command, sqlite, name, values);
        return Clause(sqlite, column, name);
    }

    /// <summary>The condition "column is one of the list <paramref name="name"/>", for a command built elsewhere (<see cref="AddList"/> adds the list).</summary>
    public static string Clause(bool sqlite, string column, string name) =>
        sqlite ? $"{column} IN (SELECT value FROM json_each({name}))" : $"{column} = ANY({name})";

    public static void AddList(DbCommand command, bool sqlite, string name, IReadOnlyCollection<string> values)
    {
        if (sqlite)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = JsonSerializer.Serialize(values);
            command.Parameters.Add(parameter);
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });
        }
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
