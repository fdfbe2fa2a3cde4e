using Vigil.Storage.Correlation;
using Vigil.Storage.Database;

namespace Vigil.Storage.Alerts;

/// <summary>Which organizations have shared an object touching each of some correlation keys (for "correlated with my own shares").</summary>
public sealed class SqlShareLookup(VigilDatabase database)
{
    public async Task<Dictionary<string, HashSet<string>>> SharersAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT k.key, o.author_org FROM correlation_keys k JOIN stix_objects o ON o.seq = k.seq WHERE " +
            SqlLists.In(command, database.IsSqlite, "k.key", "@keys", keys);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = reader.GetString(0);
            if (!result.TryGetValue(key, out var orgs))
            {
                orgs = new HashSet<string>(StringComparer.Ordinal);
                result[key] = orgs;
            }

            orgs.Add(reader.GetString(1));
        }

        return result;
    }

    /// <summary>The correlation keys of every stored version of each object (what a sighting of it is about).</summary>
    public async Task<Dictionary<string, HashSet<string>>> KeysOfObjectsAsync(IReadOnlyCollection<string> objectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (objectIds.Count == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT o.object_id, k.key FROM stix_objects o JOIN correlation_keys k ON k.seq = o.seq WHERE " +
            SqlLists.In(command, database.IsSqlite, "o.object_id", "@ids", objectIds);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var keys))
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                result[id] = keys;
            }

            keys.Add(reader.GetString(1));
        }

        return result;
    }
}
