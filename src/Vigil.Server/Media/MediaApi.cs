using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server.Hosting;

namespace Vigil.Server.Media;

/// <summary>Media matching: upload an image or video, get the visible bank hashes within the PDQ distance (and bank videos by vPDQ), sightings recorded.</summary>
public static class MediaApi
{
    public const string MatchPath = "/api/media/match";

    public static IServiceCollection AddVigilMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => MediaOptions.FromConfiguration(configuration, sp.GetRequiredService<ServerOptions>()));
        services.AddSingleton<PdqBankCache>();
        services.AddSingleton<MediaSightings>();
        return services;
    }

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(MatchPath, MediaMatchEndpoint.MatchAsync)
            .WithTags("Media")
            .WithSummary("Hash an uploaded image (PDQ) or video (vPDQ) — raw body or multipart/form-data — match it against every PDQ hash and whole-video vPDQ hash the caller may see, and record a sighting of each matched indicator unless record_sighting=false")
            .Produces<MediaMatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }
}
