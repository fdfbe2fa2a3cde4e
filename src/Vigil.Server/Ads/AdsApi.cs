using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Ads.Advertisers;
using Vigil.Ads.Search;
using Vigil.Server.Hosting;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Server.Ads;

/// <summary>The public political ad library: <c>/public/ads_archive</c> (Meta Ad Library API compatible), export, ads, pages.</summary>
public static class AdsApi
{
    public const string Prefix = "/public/ads_archive";
    public const string SubmissionPrefix = "/api/ads";

    public static IServiceCollection AddVigilAds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqlAdArchive(sp.GetRequiredService<VigilDatabase>()));
        services.AddSingleton<IAdArchive>(sp => sp.GetRequiredService<SqlAdArchive>());
        services.AddSingleton<IAdvertiserStore>(sp => new SqlAdvertiserStore(sp.GetRequiredService<VigilDatabase>()));
        services.AddSingleton(_ => AdArchiveFilesOptions.FromConfiguration(configuration));
        services.AddHostedService<AdArchiveDemoLoader>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdsApi(this IEndpointRouteBuilder app)
    {
        MapPublic(app.MapGroup(string.Empty).RequireRateLimiting(PublicRateLimits.Policy));
        MapSubmission(app);
        return app;
    }

    private static void MapPublic(IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix, AdsArchiveEndpoints.SearchAsync)
            .WithTags("Public")
            .WithSummary("Search the political ad archive with the Meta Ad Library API's parameters; answers {data, paging} as Meta does")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
        app.MapGet(Prefix + "/export", AdsArchiveEndpoints.ExportAsync)
            .WithTags("Public")
            .WithSummary("Every ad matching the search parameters, streamed without paging: format=csv, jsonl or json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        app.MapGet(Prefix + "/spend", SpendEndpoint.GetAsync)
            .WithTags("Public")
            .WithSummary("Spend of every ad matching the search parameters, summed by advertiser, page, region, week or topic and currency")
            .Produces<SpendAnswer>()
            .ProducesValidationProblem();
        app.MapGet(Prefix + "/ads/{platform}/{id}", AdsArchiveEndpoints.GetAdAsync)
            .WithTags("Public")
            .WithSummary("One archived ad (its current version) by platform and the platform's ad id; fields as in the search")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(Prefix + "/ads/{platform}/{id}/versions", AdsArchiveEndpoints.GetVersionsAsync)
            .WithTags("Public")
            .WithSummary("Every version of an ad, oldest first, with takedown marks")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(Prefix + "/pages/{platform}/{pageId}", AdvertiserPageEndpoint.GetAsync)
            .WithTags("Public")
            .WithSummary("An advertiser's page: its bylines, ad counts, delivery span and spend totals by currency, week and region")
            .Produces<AdvertiserPage>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapSubmission(IEndpointRouteBuilder app)
    {
        app.MapPost(SubmissionPrefix, AdSubmissionEndpoints.SubmitOneAsync)
            .WithTags("Ads")
            .WithSummary("Submit one ad (a JSON object in the ads_archive shape); platform members only, for verified or attested advertisers")
            .Produces<AdSubmissionAnswer>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapPost(SubmissionPrefix + "/bulk", AdSubmissionEndpoints.SubmitBulkAsync)
            .WithTags("Ads")
            .WithSummary("Submit ads as JSON Lines (streamed); every rejection is listed with row, line, field and reason")
            .Produces<AdSubmissionAnswer>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapPost(SubmissionPrefix + "/advertisers", AdvertiserEndpoints.RegisterAsync)
            .WithTags("Ads")
            .WithSummary("Register a political advertiser (platform members), optionally attested under the platform's own process")
            .Produces<Advertiser>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet(SubmissionPrefix + "/advertisers/{id}", AdvertiserEndpoints.GetAsync)
            .WithTags("Ads")
            .WithSummary("A registered advertiser with its verification state and history")
            .Produces<Advertiser>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost(SubmissionPrefix + "/advertisers/{id}/verification", AdvertiserEndpoints.VerifyAsync)
            .WithTags("Ads")
            .WithSummary("A hub reviewer's verification step: submitted, documents-requested, verified, rejected or revoked, with notes")
            .Produces<Advertiser>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
