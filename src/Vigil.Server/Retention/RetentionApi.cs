using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server.Admin;
using Vigil.Storage.Alerts;
using Vigil.Storage.Database;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;
using Vigil.Storage.Retention;

namespace Vigil.Server.Retention;

/// <summary>
/// Retention: the rule store, the sweep (a hosted service) and the hub-admin endpoints under <c>/api/admin</c>
/// (<c>GET /retention</c>, <c>POST /retention/run</c>, <c>GET|PUT|DELETE /collections/{collectionId}/retention</c>).
/// </summary>
public static class RetentionApi
{
    /// <summary>The configuration section of <see cref="RetentionOptions"/>, e.g. <c>Vigil__Retention__ClosedCaseDays=180</c>.</summary>
    public const string Section = "Vigil:Retention";

    public static IServiceCollection AddVigilRetention(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(Section).Get<RetentionOptions>() ?? new RetentionOptions());
        services.AddSingleton(sp => new SqlRetentionStore(
            sp.GetRequiredService<VigilDatabase>(),
            new SqlObjectStore(sp.GetRequiredService<VigilDatabase>(), sp.GetRequiredService<IMemberStore>(), sp.GetService<TimeProvider>(), [],
                sp.GetService<SqlEventOutbox>()),
            sp.GetService<TimeProvider>(),
            sp.GetService<SqlEventOutbox>()));
        services.AddSingleton(sp => new RetentionService(sp.GetRequiredService<SqlRetentionStore>(), sp.GetRequiredService<RetentionOptions>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetentionService>>(), sp.GetService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }

    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var hub = app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter<HubAdminFilter>();
        hub.MapGet("/retention", RetentionEndpoints.ListAsync).Produces<RetentionSettings>();
        hub.MapPost("/retention/run", RetentionEndpoints.RunAsync).Produces<RetentionRun>();
        hub.MapGet("/collections/{collectionId}/retention", RetentionEndpoints.GetAsync).Produces<CollectionRetention>().ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/collections/{collectionId}/retention", RetentionEndpoints.PutAsync).Produces<CollectionRetention>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete("/collections/{collectionId}/retention", RetentionEndpoints.DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
