using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Rest;

/// <summary>
/// The JSON REST API beside TAXII, for the UI and scripts, under <c>/api/rest</c>. Every read goes through the object
/// store's policy-aware query: nothing here filters by permission after the fact.
/// </summary>
public static class RestApi
{
    public const string Prefix = "/api/rest";

    public static IServiceCollection AddVigilRest(this IServiceCollection services) =>
        services.AddSingleton<ReadableCollections>();

    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder app)
    {
        var rest = app.MapGroup(Prefix).WithTags("REST");
        rest.MapGet("/collections", RestCollections.ListAsync)
            .WithSummary("Collections the caller may read")
            .Produces<IReadOnlyList<RestCollection>>();
        rest.MapGet("/objects", ObjectSearch.SearchAsync)
            .WithSummary("Search objects by type, text, label, author organization, TLP marking and time, with keyset paging")
            .Produces<SearchPage>()
            .ProducesValidationProblem();
        rest.MapGet("/export", ObjectExport.ExportAsync)
            .WithSummary("Every object the search parameters match, streamed without paging as a STIX bundle (format=bundle) or JSON Lines (format=jsonl)")
            .ProducesValidationProblem();
        rest.MapGet("/objects/{id}", ObjectDetail.GetAsync)
            .WithSummary("One object (its latest visible version) with the relationships and sightings that refer to it")
            .Produces<ObjectWithContext>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
