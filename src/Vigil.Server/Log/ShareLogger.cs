using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Storage.Objects;

namespace Vigil.Server.Log;

/// <summary>
/// Writes one <c>object-shared</c> entry per shared version into the transparency log: id, version, author, content
/// class, and the marking or named recipients that decided the audience; never the content. Policy changes and
/// shares the data-minimization policy refused become <c>policy-changed</c> and <c>share-refused</c> entries. Entries are built only
/// from the event and the stored version, so handling an event again yields the same bytes: after a restart the
/// consumer skips entries the log already holds instead of writing them twice.
/// </summary>
public sealed class ShareLogger(IObjectStore objects, TransparencyLog log) : LedgerEventConsumer(log)
{
    /// <summary>The content class of an object that does not name one (<c>x_vigil_content_class</c>).</summary>
    public const string UnclassifiedContent = "unclassified";

    public override string Name => "transparency-log";

    protected override async Task<IReadOnlyList<LedgerEvent>> EntriesAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        switch (hubEvent.Kind)
        {
            case HubEventKinds.ObjectsShared:
                var shared = JsonSerializer.Deserialize<ObjectsShared>(hubEvent.Payload)!;
                var versions = await objects.ReadRangeAsync(shared.CollectionId, shared.FirstSeq, shared.LastSeq, cancellationToken).ConfigureAwait(false);
                return [.. versions.SelectMany(v => Entries(v, hubEvent.OccurredAt))];
            case HubEventKinds.PolicyChanged:
                return [PolicyEntries.Changed(hubEvent)];
            case HubEventKinds.ShareRefused when PolicyEntries.Refused(hubEvent) is { } refused:
                return [refused];
            default:
                return [];
        }
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
