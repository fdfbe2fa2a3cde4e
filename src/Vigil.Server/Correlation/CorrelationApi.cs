using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Server.Rest;
using Vigil.Storage.Correlation;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Server.Correlation;

/// <summary>
/// Correlation over the REST API: who reported a value, objects correlated with an object, and sightings reported with a
/// simple call. Every answer comes from <see cref="ICorrelationStore"/>, whose queries apply the sharing policy.
/// </summary>
public static class CorrelationApi
{
    public static IServiceCollection AddVigilCorrelation(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new ObservableNormalizer(PublicSuffixList.LoadDebian()));
        services.TryAddSingleton(s => new StixObservableExtractor(s.GetRequiredService<ObservableNormalizer>()));
        services.AddSingleton<IEnvelopeIndexer>(s => new CorrelationIndexer(s.GetRequiredService<VigilDatabase>(), s.GetRequiredService<StixObservableExtractor>()));
        services.AddSingleton<ICorrelationStore>(s => new SqlCorrelationStore(s.GetRequiredService<VigilDatabase>()));
        return services;
    }

    public static IEndpointRouteBuilder MapCorrelationApi(this IEndpointRouteBuilder app)
    {
        var rest = app.MapGroup(RestApi.Prefix).WithTags("Correlation");
        rest.MapGet("/observables", ObservableLookup.GetAsync)
            .WithSummary("Who reported a value (as far as the caller may see), when, in which campaigns, and its sightings; the value is normalized first")
            .Produces<ObservableAnswer>()
            .ProducesValidationProblem();
        rest.MapGet("/objects/{id}/correlated", CorrelatedObjects.GetAsync)
            .WithSummary("Other objects the caller may see that touch a value this object touches, grouped by normalized value")
            .Produces<CorrelatedAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        rest.MapPost("/sightings", SightingReports.PostAsync)
            .WithSummary("Report a sighting of an object; stored as a STIX sighting in the named collection like any share")
            .Produces<SightingCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DisableAntiforgery();
        return app;
    }
}
