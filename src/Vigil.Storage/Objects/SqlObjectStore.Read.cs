using System.Text;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    /// <summary>Largest page a query may ask for; TAXII's <c>limit</c> is clamped to it.</summary>
    public const int MaxLimit = 10_000;

    public async Task<ObjectPage> QueryAsync(ObjectQuery query, CancellationToken cancellationToken = default)
    {
        var (after, limit) = PageOf(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PolicyQueryBuilder.Page(connection, Sqlite, query, after, limit);
        var items = new List<StoredObject>(Math.Min(limit + 1, 1024));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadObject(reader));
            }
        }

        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new ObjectPage { Items = items, More = more, Next = more && !query.NewestFirst ? PageCursor.Encode(items[^1].Seq) : null };
    }

    public async Task<RawObjectPage> QueryRawAsync(ObjectQuery query, CancellationToken cancellationToken = default)
    {
        var (after, limit) = PageOf(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PolicyQueryBuilder.RawPage(connection, Sqlite, query, after, limit);
        var items = new List<RawObject>(Math.Min(limit + 1, 1024));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // SQLite hands out a TEXT column's UTF-8 bytes directly; Npgsql decodes text, so it is re-encoded here.
                var json = Sqlite ? reader.GetFieldValue<byte[]>(1) : Encoding.UTF8.GetBytes(reader.GetString(1));
                items.Add(new RawObject(reader.GetInt64(0), json, reader.GetString(2), reader.GetString(3)));
            }
        }

        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new RawObjectPage { Items = items, More = more, Next = more ? PageCursor.Encode(items[^1].Seq) : null };
    }

    public async Task<IReadOnlyList<StoredObject>> ReadRangeAsync(string collectionId, long fromSeq, long toSeq, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT " + PolicyQueryBuilder.Columns + ", o.json FROM stix_objects o WHERE o.collection_id = @collection AND o.seq >= @from AND o.seq <= @to ORDER BY o.seq");
        Parameter(command, "@collection", collectionId);
        Parameter(command, "@from", fromSeq);
        Parameter(command, "@to", toSeq);
        var items = new List<StoredObject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ReadObject(reader));
        }

        return items;
    }

    private static (long After, int Limit) PageOf(ObjectQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        long after = 0;
        if (query.Next is not null && !PageCursor.TryDecode(query.Next, out after))
        {
            throw new ArgumentException($"next: '{query.Next}' is not a continuation token this server issued.", nameof(query));
        }

        return (after, Math.Clamp(query.Limit, 1, MaxLimit));
    }

    public async Task<long> CountAsync(ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PolicyQueryBuilder.Count(connection, Sqlite, query);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
