using Vigil.Core.Events;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Server.Alerts;

namespace Vigil.Server.Log;

/// <summary>
/// An event consumer that turns hub events into transparency-log entries. The dispatcher delivers at least once, so
/// entries are built from the event (and stored data) alone: handling an event again yields the same bytes. Only the
/// first batch after a start, or the batch retried after a failure, can repeat what the log holds; its entries are
/// looked up by leaf hash and the ones already logged are skipped.
/// </summary>
public abstract class LedgerEventConsumer(TransparencyLog log) : IEventConsumer
{
    private bool _resumed;

    public abstract string Name { get; }

    public async Task HandleAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            foreach (var hubEvent in events)
            {
                var entries = new List<ReadOnlyMemory<byte>>();
                foreach (var ledgerEvent in await EntriesAsync(hubEvent, cancellationToken).ConfigureAwait(false))
                {
                    var entry = LedgerEntryCodec.Serialize(ledgerEvent);
                    if (_resumed || await log.FindAsync(MerkleHasher.HashLeaf(entry), cancellationToken).ConfigureAwait(false) is null)
                    {
                        entries.Add(entry);
                    }
                }

                if (entries.Count > 0)
                {
                    await log.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
                }
            }

            _resumed = true;
        }
        catch
        {
            // The dispatcher hands the same batch again; part of it may be in the log already.
            _resumed = false;
            throw;
        }
    }

    /// <summary>The entries one event becomes, in order; none for kinds this consumer does not log.</summary>
    protected abstract Task<IReadOnlyList<LedgerEvent>> EntriesAsync(HubEvent hubEvent, CancellationToken cancellationToken);
}
