using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage.Database;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Server.Taxii;

/// <summary>
/// The TAXII 2.1 server: discovery at <c>/taxii2/</c> and each API root at <c>/taxii2/{apiRoot}/</c> (collections,
/// objects, object by id, versions, manifest, status). Every read goes through <see cref="IObjectStore"/>, whose
/// query applies the sharing policy.
/// </summary>
public static class TaxiiApi
{
    public const string Prefix = "/taxii2";

    public static IServiceCollection AddVigilTaxii(this IServiceCollection services) =>
        services
            .AddSingleton<IObjectStore>(s => new SqlObjectStore(
                s.GetRequiredService<VigilDatabase>(), s.GetRequiredService<IMemberStore>(), s.GetService<TimeProvider>(), [.. s.GetServices<IEnvelopeIndexer>()],
                s.GetService<Vigil.Storage.Alerts.SqlEventOutbox>()))
            .AddSingleton(s => new CollectionLookup(s.GetRequiredService<IMemberStore>(), s.GetService<TimeProvider>() ?? TimeProvider.System));

    public static IEndpointRouteBuilder MapTaxiiApi(this IEndpointRouteBuilder app)
    {
        var taxii = app.MapGroup(Prefix).WithTags("TAXII 2.1").AddEndpointFilter<TaxiiAcceptFilter>().DisableAntiforgery();
        taxii.MapGet("/", DiscoveryEndpoints.DiscoveryAsync);
        var root = taxii.MapGroup("/{apiRoot}");
        root.MapGet("/", DiscoveryEndpoints.ApiRootAsync);
        root.MapGet("/status/{statusId}/", StatusEndpoints.GetAsync);
        root.MapGet("/collections/", CollectionResources.ListAsync);
        var collection = root.MapGroup("/collections/{collectionId}");
        collection.MapGet("/", CollectionResources.GetAsync);
        collection.MapGet("/objects/", ObjectReadEndpoints.ObjectsAsync);
        collection.MapPost("/objects/", ObjectWriteEndpoints.AddAsync);
        collection.MapGet("/objects/{objectId}/", ObjectReadEndpoints.ObjectAsync);
        collection.MapDelete("/objects/{objectId}/", ObjectWriteEndpoints.DeleteAsync);
        collection.MapGet("/objects/{objectId}/versions/", ObjectReadEndpoints.VersionsAsync);
        collection.MapGet("/manifest/", ObjectReadEndpoints.ManifestAsync);
        taxii.Map("/{**rest}", (string rest) => TaxiiError.NotFound($"No TAXII resource at {Prefix}/{rest}."));
        return app;
    }
}
