using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Access;
using Vigil.Server.Alerts;
using Vigil.Server.Cases;
using Vigil.Server.Ads;
using Vigil.Server.Admin;
using Vigil.Server.Correlation;
using Vigil.Server.Demo;
using Vigil.Server.Disclosures;
using Vigil.Server.Enrichment;
using Vigil.Server.Log;
using Vigil.Server.Retention;
using Vigil.Server.Media;
using Vigil.Server.Privacy;
using Vigil.Server.Rest;
using Vigil.Server.Taxii;
using Vigil.Server.Web;
using Vigil.Storage.Database;

namespace Vigil.Server.Hosting;

/// <summary>Builds the hub: services, storage, endpoints. The CLI's <c>serve</c> and the tests both start it from here.</summary>
public static class VigilServer
{
    public static WebApplicationBuilder CreateBuilder(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new VigilDatabase(options.ResolveStorage()));
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddVigilAccess(options);
        builder.Services.AddVigilRest();
        builder.Services.AddVigilTaxii();
        builder.Services.AddVigilCorrelation();
        builder.Services.AddVigilAlerts();
        builder.Services.AddVigilCases();
        builder.Services.AddVigilDisclosures();
        builder.Services.AddVigilDemo();
        builder.Services.AddVigilEnrichment(builder.Configuration);
        builder.Services.AddVigilLog();
        builder.Services.AddVigilRetention();
        builder.Services.AddVigilPrivacy();
        builder.Services.AddVigilMedia(builder.Configuration);
        builder.Services.AddVigilAds(builder.Configuration);
        PublicRateLimits.Register(builder.Services, builder.Configuration);
        builder.Services.AddVigilWeb(options);
        return builder;
    }

    /// <summary>Migrates the database, seeds the demo when asked, and maps every endpoint.</summary>
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var database = app.Services.GetRequiredService<VigilDatabase>();
        await database.MigrateAsync(SchemaMigrations.All, cancellationToken).ConfigureAwait(false);
        var options = app.Services.GetRequiredService<ServerOptions>();
        if (options.Demo)
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseVigilAuthentication();
        app.UseVigilWeb();
        // After the web session, so a signed-in member's public pages count against the member's own bucket.
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapMeApi();
        app.MapAdminApi();
        app.MapRestApi();
        app.MapCorrelationApi();
        app.MapAlertsApi();
        app.MapCasesApi();
        app.MapDisclosuresApi();
        app.MapTaxiiApi();
        app.MapEnrichmentApi();
        app.MapLogApi();
        app.MapRetentionApi();
        app.MapMediaApi();
        app.MapAdsApi();
        app.MapVigilWeb();
        return app;
    }
}
