using System.Data.Common;
using Vigil.Ledger.Storage;
using Vigil.Storage.Database;

namespace Vigil.Storage.Ledger;

public sealed partial class SqlLogStore
{
    // SQLite: one prepared statement per table, rebound per row (no per-row statement compilation).
    private static async Task InsertSqliteAsync(DbConnection connection, DbTransaction transaction, LogAppendBatch batch, CancellationToken cancellationToken)
    {
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ledger_entries (idx, leaf_key, leaf_hash, entry) VALUES (@idx, @key, @hash, @entry)";
            var idx = Parameter(insert, "@idx");
            var key = Parameter(insert, "@key");
            var hash = Parameter(insert, "@hash");
            var entry = Parameter(insert, "@entry");
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var leaves = batch.Levels[0].Hashes;
            for (var i = 0; i < batch.Entries.Count; i++)
            {
                var leaf = leaves.Span[i];
                idx.Value = batch.StartIndex + i;
                key.Value = LeafKey(leaf);
                hash.Value = leaf.ToArray();
                entry.Value = batch.Entries[i].ToArray();
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (batch.Levels.Count < 2)
        {
            return;
        }

        await using var insertHash = connection.CreateCommand();
        insertHash.Transaction = transaction;
        insertHash.CommandText = "INSERT INTO ledger_hashes (level, idx, hash) VALUES (@level, @idx, @hash)";
        var level = Parameter(insertHash, "@level");
        var index = Parameter(insertHash, "@idx");
        var value = Parameter(insertHash, "@hash");
        await insertHash.PrepareAsync(cancellationToken).ConfigureAwait(false);
        for (var l = 1; l < batch.Levels.Count; l++)
        {
            var hashes = batch.Levels[l];
            for (var i = 0; i < hashes.Hashes.Length; i++)
            {
                level.Value = hashes.Level;
                index.Value = hashes.Start + i;
                value.Value = hashes.Hashes.Span[i].ToArray();
                await insertHash.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // PostgreSQL: one round trip per table, the rows passed as arrays and expanded with unnest.
    private static async Task InsertPostgresAsync(DbConnection connection, DbTransaction transaction, LogAppendBatch batch, CancellationToken cancellationToken)
    {
        var count = batch.Entries.Count;
        var indices = new long[count];
        var keys = new long[count];
        var leafHashes = new byte[count][];
        var entries = new byte[count][];
        var leaves = batch.Levels[0].Hashes.Span;
        for (var i = 0; i < count; i++)
        {
            indices[i] = batch.StartIndex + i;
            keys[i] = LeafKey(leaves[i]);
            leafHashes[i] = leaves[i].ToArray();
            entries[i] = batch.Entries[i].ToArray();
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ledger_entries (idx, leaf_key, leaf_hash, entry) SELECT * FROM unnest(@idx, @key, @hash, @entry)";
            VigilDatabase.AddParameter(insert, "@idx", indices);
            VigilDatabase.AddParameter(insert, "@key", keys);
            VigilDatabase.AddParameter(insert, "@hash", leafHashes);
            VigilDatabase.AddParameter(insert, "@entry", entries);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var levels = new List<short>();
        var hashIndices = new List<long>();
        var hashes = new List<byte[]>();
        for (var l = 1; l < batch.Levels.Count; l++)
        {
            var level = batch.Levels[l];
            for (var i = 0; i < level.Hashes.Length; i++)
            {
                levels.Add((short)level.Level);
                hashIndices.Add(level.Start + i);
                hashes.Add(level.Hashes.Span[i].ToArray());
            }
        }

        if (hashes.Count == 0)
        {
            return;
        }

        await using var insertHashes = connection.CreateCommand();
        insertHashes.Transaction = transaction;
        insertHashes.CommandText = "INSERT INTO ledger_hashes (level, idx, hash) SELECT * FROM unnest(@level, @idx, @hash)";
        VigilDatabase.AddParameter(insertHashes, "@level", levels.ToArray());
        VigilDatabase.AddParameter(insertHashes, "@idx", hashIndices.ToArray());
        VigilDatabase.AddParameter(insertHashes, "@hash", hashes.ToArray());
        await insertHashes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
