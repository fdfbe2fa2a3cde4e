using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;

namespace Vigil.Server.Log;

/// <summary>
/// Writes what members did with each other into the transparency log: one <c>request-sent</c> entry per recipient (and a
/// <c>legal-process-attached</c> entry when the request cites legal process), one
/// <c>request-answered</c> entry per response (organizations, kind and outcome only) and one <c>disclosure-published</c>
/// entry per public disclosure (publisher and the objects it made public). Entries are built from the event alone, so
/// after a restart the entries already in the log are recognised by their hash and not written twice.
/// </summary>
public sealed class MemberEventLogger(TransparencyLog log) : LedgerEventConsumer(log)
{
    public override string Name => "transparency-log-requests";

    protected override Task<IReadOnlyList<LedgerEvent>> EntriesAsync(HubEvent hubEvent, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerEvent>>([.. Entries(hubEvent)]);

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

            if (request.LegalProcess is { } legal)
            {
                yield return new LegalProcessAttached
                {
                    OccurredAt = request.At, SubjectId = request.RequestId, ProcessType = legal.Type, IssuingBody = legal.IssuingBody,
                    ReferenceNumber = legal.Number, IssuedOn = legal.Date,
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
