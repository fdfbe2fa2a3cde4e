using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;

namespace Vigil.Server.Log;

/// <summary>
/// Writes one <c>data-deleted</c> entry per deletion (an author's TAXII DELETE, a retention expiry or erasure): the subject's
/// id, the reason and the pseudonymous deleter, never the data. Entries are built from the event alone, so after a restart
/// the entries already in the log are recognised by their hash and not written twice. The log keeps only hashes and these
/// records, so it verifies the same after the data is gone.
/// </summary>
public sealed class DeletionLogger(TransparencyLog log) : LedgerEventConsumer(log)
{
    public override string Name => "transparency-log-deletions";

    protected override Task<IReadOnlyList<LedgerEvent>> EntriesAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hubEvent);
        if (hubEvent.Kind != HubEventKinds.DataDeleted)
        {
            return Task.FromResult<IReadOnlyList<LedgerEvent>>([]);
        }

        var deletion = JsonSerializer.Deserialize<DataDeletion>(hubEvent.Payload)!;
        return Task.FromResult<IReadOnlyList<LedgerEvent>>(
        [
            new DataDeleted { OccurredAt = deletion.At, SubjectId = deletion.SubjectId, Reason = deletion.Reason, DeletedBy = deletion.DeletedBy },
        ]);
    }
}
