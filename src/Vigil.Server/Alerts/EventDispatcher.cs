using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>
/// Reads the event outbox in id order and hands each batch to every consumer, saving each consumer's cursor after it
/// handled the batch (at-least-once). A consumer that fails is retried with the same batch after a pause; the others go on.
/// </summary>
public sealed partial class EventDispatcher(SqlEventOutbox outbox, IEnumerable<IEventConsumer> consumers, AlertOptions options, ILogger<EventDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var list = consumers.ToList();
        var cursors = new long[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            cursors[i] = await outbox.GetCursorAsync(list[i].Name, stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            for (var i = 0; i < list.Count; i++)
            {
                try
                {
                    var events = await outbox.ReadAfterAsync(cursors[i], BatchSize, stoppingToken).ConfigureAwait(false);
                    if (events.Count == 0)
                    {
                        continue;
                    }

                    await list[i].HandleAsync(events, stoppingToken).ConfigureAwait(false);
                    cursors[i] = events[^1].Id;
                    await outbox.SetCursorAsync(list[i].Name, cursors[i], stoppingToken).ConfigureAwait(false);
                    busy |= events.Count == BatchSize;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One consumer's failure must not stop dispatch; it retries the same batch.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    ConsumerFailed(logger, list[i].Name, cursors[i], e);
                }
            }

            if (!busy)
            {
                await Task.Delay(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event consumer {Consumer} failed after event {Cursor}; retrying")]
    private static partial void ConsumerFailed(ILogger logger, string consumer, long cursor, Exception exception);
}
