using System.Data.Common;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;

namespace Vigil.Storage.Cases;

/// <summary>Small helpers shared by the case and request stores: commands with parameters, and the reader's organization.</summary>
internal static class CaseSql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            VigilDatabase.AddParameter(command, name, value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> ReadAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(read(reader));
        }

        return result;
    }

    public static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The reader's organization; a reader without one (the public, a bare hub admin) is party to nothing.</summary>
    public static string? OrgOf(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.OrgId;
    }

    public static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static DateTimeOffset Time(DbDataReader row, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));

    /// <summary>Which of <paramref name="objectIds"/> the reader may see in the given collections, asked with the sharing policy's own SQL.</summary>
    public static async Task<HashSet<string>> VisibleObjectsAsync(DbConnection connection, bool sqlite, Reader reader, IReadOnlyList<string> collectionIds,
        IReadOnlyList<string> objectIds, CancellationToken cancellationToken)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        foreach (var objectId in objectIds.Distinct(StringComparer.Ordinal))
        {
            await using var command = Objects.PolicyQueryBuilder.Scoped(connection, sqlite, reader, collectionIds,
                "SELECT count(*) FROM stix_objects o WHERE o.object_id = @object AND {visible:o}");
            VigilDatabase.AddParameter(command, "@object", objectId);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                visible.Add(objectId);
            }
        }

        return visible;
    }
}
