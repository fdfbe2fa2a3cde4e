using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Sharing;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Server.Alerts;
using Vigil.Storage.Objects;

namespace Vigil.Server.Log;

/// <summary>
/// Writes one <c>object-shared</c> entry per shared version into the transparency log: id, version, author, content
/// class, and the marking or named recipients that decided the audience; never the content. Entries are built only
/// from the event and the stored version, so handling an event again yields the same bytes: after a restart the
/// consumer skips entries the log already holds instead of writing them twice.
/// </summary>
public sealed class ShareLogger(IObjectStore objects, TransparencyLog log) : IEventConsumer
{
    /// <summary>The content class of an object that does not name one (<c>x_vigil_content_class</c>).</summary>
    public const string UnclassifiedContent = "unclassified";

    private bool _resumed;

    public string Name => "transparency-log";

    public async Task HandleAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            await LogAsync(events, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The dispatcher hands the same batch again; part of it may be in the log already.
            _resumed = false;
            throw;
        }
    }

    private async Task LogAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        foreach (var hubEvent in events)
        {
            if (hubEvent.Kind != HubEventKinds.ObjectsShared)
            {
                continue;
            }

            var shared = JsonSerializer.Deserialize<ObjectsShared>(hubEvent.Payload)!;
            var versions = await objects.ReadRangeAsync(shared.CollectionId, shared.FirstSeq, shared.LastSeq, cancellationToken).ConfigureAwait(false);
            var entries = new List<ReadOnlyMemory<byte>>(versions.Count);
            foreach (var version in versions)
            {
                var entry = LedgerEntryCodec.Serialize(Entry(version, hubEvent.OccurredAt));
                if (!_resumed && await log.FindAsync(MerkleHasher.HashLeaf(entry), cancellationToken).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                entries.Add(entry);
            }

            if (entries.Count > 0)
            {
                await log.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
            }
        }

        // Only the first batch after a start can repeat what the log holds: the dispatcher saved the cursor after every batch before it.
        _resumed = true;
    }

    private static ObjectShared Entry(StoredObject version, DateTimeOffset occurredAt)
    {
        var json = JsonNode.Parse(version.Json!) as JsonObject;
        var contentClass = json?["x_vigil_content_class"] is JsonValue value && value.TryGetValue<string>(out var text) && IsToken(text) ? text : UnclassifiedContent;
        var recipients = json?["x_vigil_recipients"] is JsonArray list
            ? list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var r) ? r : null).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        return new ObjectShared
        {
            OccurredAt = occurredAt,
            ObjectId = version.Id,
            ObjectVersion = version.Version,
            AuthorOrg = version.AuthorOrgId,
            ContentClass = contentClass,
            Recipients = recipients,
            Marking = Tlp.NameOf(version.Tlp),
        };
    }

    private static bool IsToken(string text) => text.Length is > 0 and <= 64 && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
