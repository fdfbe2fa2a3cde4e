using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Server.Alerts;
using Vigil.Storage.Objects;

namespace Vigil.Server.Log;

/// <summary>
/// Writes one <c>object-shared</c> entry per shared version into the transparency log: id, version, author, content
/// class, and the marking or named recipients that decided the audience; never the content. Policy changes and
/// shares the data-minimization policy refused become <c>policy-changed</c> and <c>share-refused</c> entries. Entries are built only
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
            IReadOnlyList<LedgerEvent> logged;
            switch (hubEvent.Kind)
            {
                case HubEventKinds.ObjectsShared:
                    var shared = JsonSerializer.Deserialize<ObjectsShared>(hubEvent.Payload)!;
                    var versions = await objects.ReadRangeAsync(shared.CollectionId, shared.FirstSeq, shared.LastSeq, cancellationToken).ConfigureAwait(false);
                    logged = [.. versions.SelectMany(v => Entries(v, hubEvent.OccurredAt))];
                    break;
                case HubEventKinds.PolicyChanged:
                    logged = [PolicyEntries.Changed(hubEvent)];
                    break;
                case HubEventKinds.ShareRefused when PolicyEntries.Refused(hubEvent) is { } refused:
                    logged = [refused];
                    break;
                default:
                    continue;
            }

            var entries = new List<ReadOnlyMemory<byte>>(logged.Count);
            foreach (var ledgerEvent in logged)
            {
                var entry = LedgerEntryCodec.Serialize(ledgerEvent);
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

    /// <summary>The <c>object-shared</c> entry, followed by a <c>legal-process-attached</c> entry when the share cites legal process.</summary>
    private static IEnumerable<LedgerEvent> Entries(StoredObject version, DateTimeOffset occurredAt)
    {
        // Class, recipients and legal process all live in x_vigil_ properties: most objects have none and need no parse.
        var json = version.Json!.Contains("\"x_vigil_", StringComparison.Ordinal) ? JsonNode.Parse(version.Json) as JsonObject : null;
        yield return Entry(version, json, occurredAt);
        if (json is not null && LegalProcessReference.Read(json, string.Empty).Reference is { } reference)
        {
            yield return new LegalProcessAttached
            {
                OccurredAt = occurredAt,
                SubjectId = version.Id,
                ProcessType = reference.Type,
                IssuingBody = reference.IssuingBody,
                ReferenceNumber = reference.Number,
                IssuedOn = reference.Date,
            };
        }
    }

    private static ObjectShared Entry(StoredObject version, JsonObject? json, DateTimeOffset occurredAt)
    {
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
