using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Correlation.Webhooks;
using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>
/// Sends queued webhook deliveries: signed (HMAC-SHA256 over timestamp and body), with the idempotency key, each attempt
/// cut off after the policy's timeout, redirects not followed. Claimed deliveries are sent concurrently and the loop goes
/// on claiming, so an endpoint that hangs or fails holds up only its own deliveries.
/// </summary>
public sealed partial class WebhookSender(SqlWebhookStore store, IHttpClientFactory clients, AlertOptions options, ILogger<WebhookSender> logger,
    TimeProvider? time = null) : BackgroundService
{
    public const string ClientName = "vigil-webhooks";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.MaxConcurrentDeliveries, options.MaxConcurrentDeliveries);
        var lease = options.Retry.AttemptTimeout + TimeSpan.FromSeconds(30);
        var inFlight = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<WebhookDelivery> due = [];
            try
            {
                due = await store.ClaimDueAsync(options.MaxConcurrentDeliveries, lease, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A database hiccup must not end delivery; the next poll tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ClaimFailed(logger, e);
            }

            foreach (var delivery in due)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var task = SendAsync(delivery, stoppingToken);
                inFlight.Add(task);
                _ = task.ContinueWith(_ => slots.Release(), TaskScheduler.Default);
            }

            inFlight.RemoveWhere(t => t.IsCompleted);
            if (due.Count < options.MaxConcurrentDeliveries)
            {
                await Task.Delay(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task SendAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var attempt = delivery.Attempts + 1;
        var outcome = await AttemptAsync(delivery, attempt, stoppingToken).ConfigureAwait(false);
        var decision = options.Retry.Decide(attempt, outcome, _time.GetUtcNow(), Random.Shared);
        var status = decision.Action switch
        {
            DeliveryAction.Delivered => WebhookDeliveryStatus.Delivered,
            DeliveryAction.DeadLetter => WebhookDeliveryStatus.Dead,
            _ => WebhookDeliveryStatus.Pending,
        };
        try
        {
            await store.RecordAsync(delivery.Id, attempt, status, decision.NextAttemptAt, decision.Action == DeliveryAction.Delivered ? null : decision.Reason,
                CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Not recorded: the claim lease runs out and the delivery is sent again (at-least-once).
        catch (Exception e)
#pragma warning restore CA1031
        {
            RecordFailed(logger, delivery.Id, e);
        }
    }

    private async Task<DeliveryOutcome> AttemptAsync(WebhookDelivery delivery, int attempt, CancellationToken stoppingToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, WebhookSigner.Sign(body, delivery.Secret, _time.GetUtcNow()));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.IdempotencyKey, delivery.IdempotencyKey);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Attempt, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Event, "alert");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Retry.AttemptTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return DeliveryOutcome.Status((int)response.StatusCode, retryAfter);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Timeout();
        }
        catch (HttpRequestException)
        {
            return DeliveryOutcome.Unreachable();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due webhook deliveries failed")]
    private static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the outcome of webhook delivery {Delivery} failed")]
    private static partial void RecordFailed(ILogger logger, long delivery, Exception exception);
}
