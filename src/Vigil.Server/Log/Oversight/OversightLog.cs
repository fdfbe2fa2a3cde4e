using System.Runtime.CompilerServices;
using System.Text.Json;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;

namespace Vigil.Server.Log.Oversight;

/// <summary>
/// Reads the transparency log for the oversight role: every entry, filtered by <see cref="OversightQuery"/>, in index
/// order. The entries are the log's own bytes, so what oversight sees is exactly what the public checkpoints commit to.
/// A page scans at most <see cref="ScanBudget"/> entries so one request stays cheap on a large log; exports scan it all.
/// </summary>
public sealed class OversightLog(TransparencyLog log)
{
    public const int ScanBudget = 50_000;
    private const int Batch = 1024;

    public static IReadOnlyList<string> EntryTypes { get; } =
    [
        ObjectShared.TypeName, ObjectRead.TypeName, RequestSent.TypeName, RequestAnswered.TypeName, LegalProcessAttached.TypeName,
        ShareRefused.TypeName, PolicyChanged.TypeName, DisclosurePublished.TypeName, DataDeleted.TypeName,
    ];

    public async Task<OversightPage> PageAsync(OversightQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = await log.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<OversightEntry>(query.Limit);
        var start = query.After is { } after ? after + 1 : 0;
        var scanned = start;
        await foreach (var (index, entry) in ScanAsync(query, start, size, ScanBudget, cancellationToken).ConfigureAwait(false))
        {
            scanned = index + 1;
            if (entry is not null)
            {
                entries.Add(entry);
                if (entries.Count == query.Limit)
                {
                    break;
                }
            }
        }

        return new OversightPage(entries, scanned < size ? scanned - 1 : null, scanned - start, size);
    }

    /// <summary>Every matching entry from <see cref="OversightQuery.After"/> to the log's size when the scan started.</summary>
    public async IAsyncEnumerable<OversightEntry> AllAsync(OversightQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = await log.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var (_, entry) in ScanAsync(query, query.After is { } after ? after + 1 : 0, size, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// Each entry from <paramref name="start"/> in index order with the match or null, read in batches; no batch is begun
    /// once <paramref name="budget"/> entries have been scanned.
    /// </summary>
    private async IAsyncEnumerable<(long Index, OversightEntry? Entry)> ScanAsync(OversightQuery query, long start, long size, long budget,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var index = start; index < size && index - start < budget; index += Batch)
        {
            var batch = await log.ReadEntriesAsync(index, (int)Math.Min(Batch, size - index), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                yield return (index + i, Match(query, index + i, batch[i]));
            }
        }
    }

    private static OversightEntry? Match(OversightQuery query, long index, ReadOnlyMemory<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString()!;
        if (query.Types.Count > 0 && !query.Types.Contains(type))
        {
            return null;
        }

        var at = root.GetProperty("at").GetDateTimeOffset();
        if ((query.From is { } from && at < from) || (query.To is { } to && at > to))
        {
            return null;
        }

        if ((query.Org is { } org && !Names(root, "_org", org)) || (query.Sector is { } sector && !Names(root, "_sector", sector)))
        {
            return null;
        }

        return new OversightEntry(index, type, at, root.Clone());
    }

    /// <summary>Whether a field whose name ends in <paramref name="suffix"/> holds <paramref name="value"/>.</summary>
    private static bool Names(JsonElement root, string suffix, string value)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.EndsWith(suffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String && property.Value.ValueEquals(value))
            {
                return true;
            }
        }

        return false;
    }
}
