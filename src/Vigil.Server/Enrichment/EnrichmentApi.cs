using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;

namespace Vigil.Server.Enrichment;

/// <summary>Source registry loading, the public URL/domain lookup and the indicator matching service.</summary>
public static class EnrichmentApi
{
    public const string PublicLookupPath = "/public/lookup";
    public const string MatchPath = RestApi.Prefix + "/match";

    /// <remarks>The <c>Vigil:Sources</c> section is read when the hub is built, so configuration added after this call counts.</remarks>
    public static IServiceCollection AddVigilEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => SourceFilesOptions.FromConfiguration(configuration));
        services.AddSingleton<EnrichmentSources>();
        services.AddHostedService<SourceLoadingService>();
        services.AddSingleton<IndicatorCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnrichmentApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicLookupPath, PublicLookup.GetAsync)
            .RequireRateLimiting(PublicRateLimits.Policy)
            .WithTags("Public")
            .WithSummary("What the hub may tell anyone about a URL or domain: normalized form and flags, source ratings, state-media labels, TLP:CLEAR objects")
            .Produces<PublicLookupResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost(MatchPath, IndicatorMatchEndpoint.MatchAsync)
            .WithTags("REST")
            .WithSummary("Match up to 10,000 observables against every active indicator the caller may see (STIX pattern evaluation)")
            .Accepts<MatchRequest>("application/json")
            .Produces<MatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }
}
