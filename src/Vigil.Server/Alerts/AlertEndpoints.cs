using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>The inbox (<c>/api/rest/alerts</c>), marking read, and the server-sent-events stream of new alerts.</summary>
internal static class AlertEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task<IResult> ListAsync(HttpContext context, [FromQuery] long? after, [FromQuery] int? limit, [FromQuery] bool? unread,
        [FromServices] SqlAlertStore alerts)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid(context, "limit", "between 1 and 1000");
        }

        var page = await alerts.ListAsync(caller.Organization.Id, after ?? 0, limit ?? 100, unread ?? false, context.RequestAborted).ConfigureAwait(false);
        var unreadCount = await alerts.CountUnreadAsync(caller.Organization.Id, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new AlertPage([.. page.Select(a => AlertView.From(a))], unreadCount, page.Count > 0 ? page[^1].Id : after ?? 0));
    }

    public static async Task<IResult> MarkReadAsync(HttpContext context, long id, [FromServices] SqlAlertStore alerts)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await alerts.MarkReadAsync(caller.Organization.Id, id, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(context, $"id: your organization has no alert {id}.");
    }

    /// <summary>
    /// <c>text/event-stream</c>: first every alert after <c>Last-Event-ID</c> (or <c>?after=</c>) from the inbox, then new
    /// ones as they are made; event ids are alert ids, so a reconnecting client misses nothing.
    /// </summary>
    public static async Task StreamAsync(HttpContext context, [FromQuery] long? after, [FromServices] SqlAlertStore alerts,
        [FromServices] AlertBroadcaster broadcaster, [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (context.GetCaller() is not { } caller)
        {
            await ApiProblems.Unauthorized(context).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var last = after ?? 0;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastEventId))
        {
            last = Math.Max(last, lastEventId);
        }

        var stop = context.RequestAborted;
        var live = broadcaster.Listen(caller.Organization.Id, stop);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var options = json.Value.SerializerOptions;
        try
        {
            await context.Response.WriteAsync(": vigil alerts\n\n", stop).ConfigureAwait(false);
            while (true)
            {
                var missed = await alerts.ListAsync(caller.Organization.Id, last, 500, cancellationToken: stop).ConfigureAwait(false);
                foreach (var alert in missed)
                {
                    await WriteAsync(context, AlertView.From(alert), options, stop).ConfigureAwait(false);
                    last = alert.Id;
                }

                if (missed.Count < 500)
                {
                    break;
                }
            }

            await context.Response.Body.FlushAsync(stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(Heartbeat);
                try
                {
                    if (!await live.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", stop).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(stop).ConfigureAwait(false);
                    continue;
                }

                while (live.TryRead(out var alert))
                {
                    if (alert.Id > last)
                    {
                        await WriteAsync(context, alert, options, stop).ConfigureAwait(false);
                        last = alert.Id;
                    }
                }

                await context.Response.Body.FlushAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task WriteAsync(HttpContext context, AlertView alert, JsonSerializerOptions options, CancellationToken stop)
    {
        var data = JsonSerializer.Serialize(alert, options);
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"id: {alert.Id}\nevent: alert\ndata: {data}\n\n"), stop).ConfigureAwait(false);
    }
}
