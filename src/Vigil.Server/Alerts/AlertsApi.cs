using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server.Rest;
using Vigil.Storage.Alerts;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Server.Alerts;

/// <summary>Watchlists and alerts: the outbox writer, the dispatcher and its watchlist consumer, webhook sending, and the REST endpoints.</summary>
public static class AlertsApi
{
    public static IServiceCollection AddVigilAlerts(this IServiceCollection services)
    {
        services.TryAddSingleton(new AlertOptions());
        services.AddSingleton(s => new SqlEventOutbox(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>()));
        services.AddSingleton<IEnvelopeIndexer>(s => new OutboxIndexer(s.GetRequiredService<SqlEventOutbox>()));
        services.AddSingleton(s => new SqlWatchlistStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>()));
        services.AddSingleton(s => new SqlAlertStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>()));
        services.AddSingleton(s => new SqlWebhookStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>()));
        services.AddSingleton(s => new SqlShareLookup(s.GetRequiredService<VigilDatabase>()));
        services.AddSingleton<AlertBroadcaster>();
        services.AddSingleton<WatchlistAlerter>();
        services.AddSingleton<IEventConsumer>(s => s.GetRequiredService<WatchlistAlerter>());
        services.AddHostedService<EventDispatcher>();
        services.AddHostedService<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var rest = app.MapGroup(RestApi.Prefix).WithTags("Alerts");
        rest.MapGet("/watchlists", WatchlistEndpoints.ListAsync).WithSummary("Your organization's watchlists").Produces<List<WatchlistView>>();
        rest.MapPost("/watchlists", WatchlistEndpoints.CreateAsync)
            .WithSummary("Watch values, types, labels, campaigns, STIX patterns or anything correlated with your own shares")
            .Produces<WatchlistView>(StatusCodes.Status201Created).ProducesValidationProblem();
        rest.MapGet("/watchlists/{id}", WatchlistEndpoints.GetAsync).Produces<WatchlistView>().ProducesProblem(StatusCodes.Status404NotFound);
        rest.MapDelete("/watchlists/{id}", WatchlistEndpoints.DeleteAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        rest.MapGet("/alerts", AlertEndpoints.ListAsync).WithSummary("The alert inbox, oldest first after a cursor").Produces<AlertPage>();
        rest.MapPost("/alerts/{id:long}/read", AlertEndpoints.MarkReadAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        rest.MapGet("/alerts/stream", AlertEndpoints.StreamAsync).WithSummary("Server-sent events: missed alerts after Last-Event-ID, then new ones live");
        rest.MapGet("/webhooks", WebhookEndpoints.ListAsync).Produces<List<Webhook>>();
        rest.MapPost("/webhooks", WebhookEndpoints.CreateAsync).WithSummary("Register an endpoint for signed alert deliveries; the secret is shown once")
            .Produces<WebhookCreated>(StatusCodes.Status201Created).ProducesValidationProblem();
        rest.MapDelete("/webhooks/{id}", WebhookEndpoints.DeleteAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        rest.MapGet("/webhooks/{id}/deliveries", WebhookEndpoints.DeliveriesAsync).WithSummary("Deliveries of a webhook; status=dead is the dead-letter list")
            .Produces<List<DeliveryView>>().ProducesProblem(StatusCodes.Status404NotFound);
        rest.MapPost("/webhooks/{id}/deliveries/{deliveryId:long}/redeliver", WebhookEndpoints.RedeliverAsync)
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
