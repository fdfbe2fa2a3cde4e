using System.Buffers.Binary;
using System.Data.Common;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Storage.Database;

namespace Vigil.Storage.Ledger;

/// <summary>
/// The transparency log's store on SQLite or PostgreSQL (<see cref="LedgerSchema"/>). Each batch is one transaction
/// that first locks the head row and checks the batch starts at the committed size, so a crash or a second writer can
/// never leave a partial, duplicated or reordered batch. Reads check that the rows they get are contiguous, so rows
/// removed behind the store's back surface as errors naming the missing index. Hashes once read are kept by tile
/// (<see cref="HashTileCache"/>): the log only grows, so a proof costs no database round trip per range.
/// </summary>
public sealed partial class SqlLogStore(VigilDatabase database) : ILogStore
{
    private readonly HashTileCache _tiles = new();

    /// <inheritdoc/>
    public async ValueTask<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSizeAsync(connection, null, forUpdate: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask AppendAsync(LogAppendBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Levels.Count == 0 || batch.Levels[0].Level != 0 || batch.Levels[0].Hashes.Length != batch.Entries.Count)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, "A batch must carry one leaf hash (level 0) per entry.", batch.StartIndex);
        }

        // Appends queue behind the database's single writer (object shares, alerts) instead of in SQLite's sleeping busy handler.
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var size = await ReadSizeAsync(connection, transaction, forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (size != batch.StartIndex)
        {
            throw new LedgerException(LedgerFailure.ConcurrentAppend, $"The batch starts at {batch.StartIndex} but the log holds {size} entries.", batch.StartIndex);
        }

        if (database.IsSqlite)
        {
            await InsertSqliteAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await InsertPostgresAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        }

        await using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = "UPDATE ledger_head SET size = @size WHERE id = 1";
            VigilDatabase.AddParameter(head, "@size", size + batch.Entries.Count);
            await head.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask ReadHashesAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken)
    {
        if (level < 0 || start < 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Level {level} holds no hashes from {start}.");
        }

        if (destination.Length == 0)
        {
            return;
        }

        // Leaves sit in the entry rows, too wide to read a whole tile for a few hashes and too many to keep: read as asked.
        var tile = start / HashTileCache.Width;
        if (level == 0 || (start + destination.Length - 1) / HashTileCache.Width != tile)
        {
            var count = await ReadRangeAsync(level, start, destination, cancellationToken).ConfigureAwait(false);
            if (count != destination.Length)
            {
                throw Missing(level, start + count);
            }

            return;
        }

        if (_tiles.TryCopy(level, start, destination.Span))
        {
            return;
        }

        // Within one tile: read the tile from its start as far as it goes and keep it, since it can only grow.
        var hashes = new MerkleHash[HashTileCache.Width];
        var read = await ReadRangeAsync(level, tile * HashTileCache.Width, hashes, cancellationToken).ConfigureAwait(false);
        var offset = (int)(start - (tile * HashTileCache.Width));
        if (read < offset + destination.Length)
        {
            throw Missing(level, (tile * HashTileCache.Width) + read);
        }

        _tiles.Store(level, tile, hashes[..read]);
        hashes.AsSpan(offset, destination.Length).CopyTo(destination.Span);
    }

    private static LedgerException Missing(int level, long index) =>
        new(LedgerFailure.InvalidArgument, $"Level {level} hash {index} is missing or malformed in the database.", level == 0 ? index : null);

    /// <summary>Reads consecutive hashes from <paramref name="start"/> into <paramref name="destination"/>; returns how many were there without a gap.</summary>
    private async Task<int> ReadRangeAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = level == 0
            ? "SELECT idx, leaf_hash FROM ledger_entries WHERE idx >= @start AND idx < @end ORDER BY idx"
            : "SELECT idx, hash FROM ledger_hashes WHERE level = @level AND idx >= @start AND idx < @end ORDER BY idx";
        VigilDatabase.AddParameter(command, "@level", level);
        VigilDatabase.AddParameter(command, "@start", start);
        VigilDatabase.AddParameter(command, "@end", start + destination.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        var buffer = new byte[MerkleHash.Size];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = reader.GetInt64(0);
            if (index != start + count || reader.GetBytes(1, 0, buffer, 0, buffer.Length) != MerkleHash.Size)
            {
                break;
            }

            destination.Span[count++] = new MerkleHash(buffer);
        }

        return count;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken)
    {
        if (start < 0 || count < 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"The log holds no entries [{start}, {start + count}).", start);
        }

        var result = new ReadOnlyMemory<byte>[count];
        if (count == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, entry FROM ledger_entries WHERE idx >= @start AND idx < @end ORDER BY idx";
        VigilDatabase.AddParameter(command, "@start", start);
        VigilDatabase.AddParameter(command, "@end", start + count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var read = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetInt64(0) != start + read)
            {
                break;
            }

            result[read++] = (byte[])reader.GetValue(1);
        }

        if (read != count)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Entry {start + read} is missing from the database.", start + read);
        }

        return result;
    }

    /// <inheritdoc/>
    public async ValueTask<long?> FindLeafIndexAsync(MerkleHash leafHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, leaf_hash FROM ledger_entries WHERE leaf_key = @key ORDER BY idx";
        VigilDatabase.AddParameter(command, "@key", LeafKey(leafHash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MerkleHash.Size];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetBytes(1, 0, buffer, 0, buffer.Length) == MerkleHash.Size && new MerkleHash(buffer) == leafHash)
            {
                return reader.GetInt64(0);
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public async ValueTask<string?> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT checkpoint FROM ledger_head WHERE id = 1";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is string text ? text : null;
    }

    /// <inheritdoc/>
    public async ValueTask SaveCheckpointAsync(string signedNote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signedNote);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE ledger_head SET checkpoint = @checkpoint WHERE id = 1";
        VigilDatabase.AddParameter(command, "@checkpoint", signedNote);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The indexed key of a leaf hash: its first 8 bytes as a signed integer.</summary>
    internal static long LeafKey(MerkleHash hash)
    {
        Span<byte> bytes = stackalloc byte[MerkleHash.Size];
        hash.CopyTo(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    private async Task<long> ReadSizeAsync(DbConnection connection, DbTransaction? transaction, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = forUpdate && !database.IsSqlite
            ? "SELECT size FROM ledger_head WHERE id = 1 FOR UPDATE"
            : "SELECT size FROM ledger_head WHERE id = 1";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The ledger_head row is missing: the ledger schema was not migrated.");
        var size = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        _tiles.ObserveSize(size);
        return size;
    }
}
