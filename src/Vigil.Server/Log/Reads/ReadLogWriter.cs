using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;

namespace Vigil.Server.Log.Reads;

/// <summary>Writes the reads <see cref="ReadAuditor"/> queued into the transparency log, in batches of up to 1,000 entries.</summary>
public sealed partial class ReadLogWriter(ReadAuditor auditor, TransparencyLog log, ILogger<ReadLogWriter> logger) : BackgroundService
{
    private const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = auditor.Pending;
        var entries = new List<ReadOnlyMemory<byte>>(Batch);
        while (await pending.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            while (entries.Count < Batch && pending.TryRead(out var read))
            {
                entries.Add(LedgerEntryCodec.Serialize(read));
            }

            while (true)
            {
                try
                {
                    await log.AppendAsync(entries, stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The reads stay queued in this batch: an audit entry is retried, never dropped.
                    AppendFailed(logger, entries.Count, e);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                }
            }

            entries.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending {Count} object-read entries to the transparency log failed; retrying")]
    private static partial void AppendFailed(ILogger logger, int count, Exception exception);
}
