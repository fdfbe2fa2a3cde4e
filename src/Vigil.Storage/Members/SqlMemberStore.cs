using System.Data.Common;
using System.Globalization;
using Vigil.Storage.Database;

namespace Vigil.Storage.Members;

/// <summary>
/// The member store on SQLite or PostgreSQL, as hand-written SQL shared by both. Split by feature over several files.
/// </summary>
public sealed partial class SqlMemberStore : IMemberStore
{
    private readonly VigilDatabase _database;
    private readonly MemberStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly VerifiedPasswordCache _passwordCache;
    private readonly Lazy<string> _decoyHash;
    private long _generation;

    public SqlMemberStore(VigilDatabase database, MemberStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pepper.Length < 16)
        {
            throw new ArgumentException("The server pepper must be at least 16 bytes.", nameof(options));
        }

        _database = database;
        _options = options;
        _time = time ?? TimeProvider.System;
        _passwordCache = new VerifiedPasswordCache(_time, options.PasswordCacheTtl);
        _decoyHash = new Lazy<string>(() => PasswordHasher.Decoy(options.PasswordIterations));
    }

    public long Generation => Interlocked.Read(ref _generation);

    private void Changed() => Interlocked.Increment(ref _generation);

    private string Now() => Format(_time.GetUtcNow());

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string NewId() => Guid.NewGuid().ToString();

    private static bool Flag(DbDataReader row, int ordinal) => Convert.ToInt64(row.GetValue(ordinal), CultureInfo.InvariantCulture) != 0;

    private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
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

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }

        return list;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(connection, null, sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (IsConstraintViolation(e))
        {
            throw new MemberConflictException(ConflictMessage(e), e);
        }
    }

    /// <summary>Runs several statements in one transaction; constraint violations become <see cref="MemberConflictException"/>.</summary>
    private async Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (IsConstraintViolation(e))
        {
            throw new MemberConflictException(ConflictMessage(e), e);
        }
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool IsConstraintViolation(DbException e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    private static string ConflictMessage(DbException e) => e switch
    {
        Npgsql.PostgresException { SqlState: "23505" } p => $"already exists ({p.ConstraintName})",
        Npgsql.PostgresException { SqlState: "23503" } p => $"refers to something that does not exist ({p.ConstraintName})",
        Microsoft.Data.Sqlite.SqliteException s when s.Message.Contains("UNIQUE", StringComparison.Ordinal) => "already exists: " + s.Message,
        Microsoft.Data.Sqlite.SqliteException s when s.Message.Contains("FOREIGN KEY", StringComparison.Ordinal) => "refers to something that does not exist",
        _ => e.Message,
    };

    private static string JoinIds(IReadOnlyList<string> ids) => string.Join(' ', ids);

    private static string[] SplitIds(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
