using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Log;

/// <summary>Signs a checkpoint at start, then every interval when the tree grew, and on demand.</summary>
public sealed partial class CheckpointService(TransparencyLog log, LogOptions options, ILogger<CheckpointService> logger) : BackgroundService
{
    /// <summary>Signs a checkpoint for the current size now (returns the latest when the tree did not grow).</summary>
    public Task<SignedNote> SignNowAsync(CancellationToken cancellationToken = default) => log.SignCheckpointAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{LogServices.Section}:CheckpointInterval must be positive; it is {options.CheckpointInterval}.");
        }

        using var timer = new PeriodicTimer(options.CheckpointInterval);
        do
        {
            try
            {
                var note = await log.SignCheckpointAsync(stoppingToken).ConfigureAwait(false);
                LogSigned(logger, Checkpoint.Parse(note.Text).Size);
            }
            catch (LedgerException e)
            {
                // A store that no longer extends the signed tree must not be signed; keep saying so.
                LogRefused(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transparency log checkpoint at size {Size}")]
    private static partial void LogSigned(ILogger logger, long size);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transparency log checkpoint refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
