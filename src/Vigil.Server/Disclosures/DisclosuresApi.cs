using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;
using Vigil.Storage.Database;
using Vigil.Storage.Disclosures;

namespace Vigil.Server.Disclosures;

/// <summary>Public takedown disclosures: publishing from a case (parties only) and the public, sign-in-free index, pages, dataset and feed.</summary>
public static class DisclosuresApi
{
    public const string PublicPrefix = "/public/disclosures";
    public const string PagePrefix = "/disclosures";

    public static IServiceCollection AddVigilDisclosures(this IServiceCollection services)
    {
        services.AddSingleton(s => new SqlDisclosureStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>(),
            s.GetRequiredService<Vigil.Storage.Alerts.SqlEventOutbox>()));
        services.AddSingleton<DisclosureService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDisclosuresApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(RestApi.Prefix + "/cases/{id}/disclosures", DisclosureEndpoints.PublishAsync).WithTags("Cases")
            .WithSummary("Publish a public takedown disclosure from a case (a platform party); an actioned case moves to disclosed")
            .Produces<DisclosurePublished>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var open = app.MapGroup(PublicPrefix).WithTags("Disclosures").RequireRateLimiting(PublicRateLimits.Policy);
        open.MapGet("/", DisclosureEndpoints.IndexAsync).WithSummary("All disclosures, newest first (q: text search; page, pageSize)").Produces<DisclosureIndex>()
            .ProducesValidationProblem();
        open.MapGet("/feed.atom", DisclosureEndpoints.FeedAsync).WithSummary("Atom feed of the newest disclosures").Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        open.MapGet("/{id}", DisclosureEndpoints.GetAsync).WithSummary("A disclosure with its published STIX objects").Produces<DisclosureView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        open.MapGet("/{id}/dataset.csv", DisclosureEndpoints.DatasetAsync).WithSummary("The disclosure's accounts as CSV (ids hashed unless published as public)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
