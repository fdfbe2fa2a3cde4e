using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Server.Access;

namespace Vigil.Server.Web.Board;

/// <summary>
/// The board's script, its SignalR hub (<see cref="BoardHub"/>, what the page uses) and its event stream (for scripts
/// and browsers without WebSockets): every half second the member's board is read from the stores (only what
/// it is a party to; one build serves all of an organization's viewers) and sent when it changed, so every viewer sees a change within a second; a comment every 15 s
/// keeps proxies from closing the stream.
/// </summary>
public static class BoardEndpoints
{
    public const string ScriptPath = "/web/board.js";
    public const string EventsPath = "/response/board/events";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(BoardEndpoints).Assembly.GetManifestResourceStream("Vigil.Server.Web.Assets.board.js")
            ?? throw new InvalidOperationException("The board script is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ScriptPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Text(Script.Value, "text/javascript; charset=utf-8");
            })
            .ExcludeFromDescription();
        app.MapGet(EventsPath, StreamAsync).ExcludeFromDescription();
        app.MapHub<BoardHub>(BoardHub.Path, o => o.Transports = HttpTransportType.WebSockets);
        return app;
    }

    /// <summary>Answers 401 to an anonymous negotiate or connect on <see cref="BoardHub.Path"/> before SignalR sees it.</summary>
    public static Task RefuseAnonymousHubAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Path.StartsWithSegments(BoardHub.Path, StringComparison.OrdinalIgnoreCase) && context.GetCaller() is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static async Task StreamAsync(HttpContext context, BoardReader boards)
    {
        if (context.GetCaller() is not { } caller)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var stop = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        string? last = null;
        var version = 0;
        var quiet = TimeSpan.Zero;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var html = BoardHtml.Render(await boards.ReadSharedAsync(caller.Reader, stop).ConfigureAwait(false));
                if (html != last)
                {
                    last = html;
                    var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"id: {++version}\nevent: board\n");
                    foreach (var line in html.Split('\n'))
                    {
                        message.Append("data: ").Append(line).Append('\n');
                    }

                    await context.Response.WriteAsync(message.Append('\n').ToString(), stop).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(stop).ConfigureAwait(false);
                    quiet = TimeSpan.Zero;
                }
                else if ((quiet += Tick) >= Heartbeat)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", stop).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(stop).ConfigureAwait(false);
                    quiet = TimeSpan.Zero;
                }

                await Task.Delay(Tick, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The viewer went away.
        }
    }
}
