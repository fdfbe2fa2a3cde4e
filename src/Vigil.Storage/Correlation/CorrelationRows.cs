using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Correlation;

/// <summary>The correlation rows of one envelope, written with prepared inserts (SQLite) or binary COPY (PostgreSQL).</summary>
internal sealed class CorrelationRows
{
    public List<(string Key, long Seq)> Keys { get; } = [];
    public List<(string From, long Seq, string To, string ToType)> Links { get; } = [];
    public List<(long Seq, string Of, long Count, long First, long Last)> Sightings { get; } = [];

    public async Task WriteSqliteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (Keys.Count > 0)
        {
            await using var insert = Prepare(connection, transaction, "INSERT INTO correlation_keys (key, seq) VALUES (@p0, @p1)", 2);
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, seq) in Keys)
            {
                insert.Parameters[0].Value = key;
                insert.Parameters[1].Value = seq;
                insert.ExecuteNonQuery();
            }
        }

        if (Links.Count > 0)
        {
            await using var insert = Prepare(connection, transaction,
                "INSERT INTO correlation_links (from_ref, seq, to_ref, to_type) VALUES (@p0, @p1, @p2, @p3)", 4);
            foreach (var (from, seq, to, type) in Links)
            {
                insert.Parameters[0].Value = from;
                insert.Parameters[1].Value = seq;
                insert.Parameters[2].Value = to;
                insert.Parameters[3].Value = type;
                insert.ExecuteNonQuery();
            }
        }

        if (Sightings.Count > 0)
        {
            await using var insert = Prepare(connection, transaction,
                "INSERT INTO correlation_sightings (seq, sighting_of_ref, count, first_seen, last_seen) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
            foreach (var (seq, of, count, first, last) in Sightings)
            {
                insert.Parameters[0].Value = seq;
                insert.Parameters[1].Value = of;
                insert.Parameters[2].Value = count;
                insert.Parameters[3].Value = first;
                insert.Parameters[4].Value = last;
                insert.ExecuteNonQuery();
            }
        }
    }

    public async Task WritePostgresAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (Keys.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY correlation_keys (key, seq) FROM STDIN (FORMAT BINARY)", cancellationToken)
                .ConfigureAwait(false);
            foreach (var (key, seq) in Keys)
            {
                copy.StartRow();
                copy.Write(key, NpgsqlDbType.Text);
                copy.Write(seq, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Links.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY correlation_links (from_ref, seq, to_ref, to_type) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var (from, seq, to, type) in Links)
            {
                copy.StartRow();
                copy.Write(from, NpgsqlDbType.Text);
                copy.Write(seq, NpgsqlDbType.Bigint);
                copy.Write(to, NpgsqlDbType.Text);
                copy.Write(type, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Sightings.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY correlation_sightings (seq, sighting_of_ref, count, first_seen, last_seen) FROM STDIN (FORMAT BINARY)", cancellationToken)
                .ConfigureAwait(false);
            foreach (var (seq, of, count, first, last) in Sightings)
            {
                copy.StartRow();
                copy.Write(seq, NpgsqlDbType.Bigint);
                copy.Write(of, NpgsqlDbType.Text);
                copy.Write(count, NpgsqlDbType.Bigint);
                copy.Write(first, NpgsqlDbType.Bigint);
                copy.Write(last, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
