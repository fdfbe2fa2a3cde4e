using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Web.Board;

/// <summary>
/// Every half second builds the board of each organization with a viewer on <see cref="BoardHub"/> (one shared build
/// per organization, only what it is a party to) and sends it to the organization's group when it changed.
/// </summary>
public sealed partial class BoardBroadcaster(BoardReader boards, BoardViewers viewers, IHubContext<BoardHub> hub, ILogger<BoardBroadcaster> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var reader in viewers.Snapshot())
                {
                    try
                    {
                        var html = BoardHtml.Render(await boards.ReadSharedAsync(reader, stoppingToken).ConfigureAwait(false));
                        if (viewers.Changed(reader, html))
                        {
                            await hub.Clients.Group(BoardViewers.Group(reader)).SendAsync(BoardHub.Method, html, stoppingToken).ConfigureAwait(false);
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One organization's failed build must not stop the others' boards.
                        LogFailed(logger, e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building a live board failed; retrying on the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
