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
        if (sqlite)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = JsonSerializer.Serialize(values);
            command.Parameters.Add(parameter);
            return $"{column} IN (SELECT value FROM json_each({name}))";
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });
        return $"{column} = ANY({name})";
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
