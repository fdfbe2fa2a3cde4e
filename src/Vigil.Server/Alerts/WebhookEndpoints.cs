using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary><c>/api/rest/webhooks</c>: a member's endpoints, their deliveries and dead letters, and redelivery.</summary>
internal static class WebhookEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context, [FromServices] SqlWebhookStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return TypedResults.Ok(await store.ListAsync(caller.Organization.Id, context.RequestAborted).ConfigureAwait(false));
    }

    public static async Task<IResult> CreateAsync(HttpContext context, [FromServices] SqlWebhookStore store,
        [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        WebhookRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<WebhookRequest>(context.Request.Body, json.Value.SerializerOptions, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return ApiProblems.Invalid(context, "body", "not acceptable JSON: " + e.Message);
        }

        if (!Uri.TryCreate(request?.Url, UriKind.Absolute, out var url) || !Acceptable(url))
        {
            return ApiProblems.Invalid(context, "url", $"'{request?.Url}' is not an https:// address (http:// is accepted only for loopback receivers)");
        }

        var (webhook, secret) = await store.CreateAsync(caller.Organization.Id, url, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"/api/rest/webhooks/{webhook.Id}", new WebhookCreated(webhook.Id, webhook.Url, secret, webhook.CreatedAt));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string id, [FromServices] SqlWebhookStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await store.DeleteAsync(caller.Organization.Id, id, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(context, $"id: your organization has no webhook '{id}'.");
    }

    public static async Task<IResult> DeliveriesAsync(HttpContext context, string id, [FromQuery] string? status, [FromQuery] int? limit,
        [FromServices] SqlWebhookStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        if (status is not (null or WebhookDeliveryStatus.Pending or WebhookDeliveryStatus.Delivered or WebhookDeliveryStatus.Dead))
        {
            return ApiProblems.Invalid(context, "status", $"'{status}' is not pending, delivered or dead");
        }

        var deliveries = await store.DeliveriesAsync(caller.Organization.Id, id, status, limit ?? 100, context.RequestAborted).ConfigureAwait(false);
        return deliveries is null
            ? ApiProblems.NotFound(context, $"id: your organization has no webhook '{id}'.")
            : TypedResults.Ok(deliveries.Select(d => new DeliveryView(d.Id, d.AlertId, d.IdempotencyKey, d.Status, d.Attempts, d.NextAttemptAt, d.LastError, d.FinishedAt)).ToList());
    }

    public static async Task<IResult> RedeliverAsync(HttpContext context, string id, long deliveryId, [FromServices] SqlWebhookStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await store.RedeliverAsync(caller.Organization.Id, deliveryId, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.Accepted($"/api/rest/webhooks/{id}/deliveries")
            : ApiProblems.NotFound(context, $"deliveryId: no dead-lettered delivery {deliveryId} of your organization's webhooks.");
    }

    private static bool Acceptable(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)));
}
