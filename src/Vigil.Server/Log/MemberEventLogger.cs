using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Server.Alerts;

namespace Vigil.Server.Log;

/// <summary>
/// Writes what members did with each other into the transparency log: one <c>request-sent</c> entry per recipient, one
/// <c>request-answered</c> entry per response (organizations, kind and outcome only) and one <c>disclosure-published</c>
/// entry per public disclosure (publisher and the objects it made public). Entries are built from the event alone, so
/// after a restart the entries already in the log are recognised by their hash and not written twice.
/// </summary>
public sealed class MemberEventLogger(TransparencyLog log) : IEventConsumer
{
    private bool _resumed;

    public string Name => "transparency-log-requests";

    public async Task HandleAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            var entries = new List<ReadOnlyMemory<byte>>();
            foreach (var hubEvent in events)
            {
                foreach (var entry in Entries(hubEvent))
                {
                    var bytes = LedgerEntryCodec.Serialize(entry);
                    if (_resumed || await log.FindAsync(MerkleHasher.HashLeaf(bytes), cancellationToken).ConfigureAwait(false) is null)
                    {
                        entries.Add(bytes);
                    }
                }
            }

            if (entries.Count > 0)
            {
                await log.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
            }

            _resumed = true;
        }
        catch
        {
            _resumed = false;
            throw;
        }
    }

    private static IEnumerable<LedgerEvent> Entries(HubEvent hubEvent)
    {
        if (hubEvent.Kind == HubEventKinds.DisclosurePublished)
        {
            var disclosure = JsonSerializer.Deserialize<DisclosureEvent>(hubEvent.Payload)!;
            yield return new DisclosurePublished
            {
                OccurredAt = disclosure.At, DisclosureId = disclosure.DisclosureId, PublisherOrg = disclosure.OrgId, ObjectIds = disclosure.ObjectIds,
            };
            yield break;
        }

        if (hubEvent.Kind is not (HubEventKinds.RequestSent or HubEventKinds.RequestAnswered))
        {
            yield break;
        }

        var request = JsonSerializer.Deserialize<RequestEvent>(hubEvent.Payload)!;
        if (hubEvent.Kind == HubEventKinds.RequestSent)
        {
            foreach (var recipient in request.Orgs)
            {
                yield return new Vigil.Ledger.Entries.RequestSent
                {
                    OccurredAt = request.At, RequestId = request.RequestId, FromOrg = request.FromOrg, ToOrg = recipient, RequestType = request.Kind,
                };
            }
        }
        else
        {
            yield return new RequestAnswered
            {
                OccurredAt = request.At, RequestId = request.RequestId, ResponderOrg = request.Orgs[0], Outcome = request.Outcome ?? "no-action",
            };
        }
    }
}
