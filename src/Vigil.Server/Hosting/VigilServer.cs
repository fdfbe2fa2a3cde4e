using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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
        return builder;
    }

    /// <summary>Migrates the database, seeds the demo when asked, and maps every endpoint.</summary>
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var database = app.Services.GetRequiredService<VigilDatabase>();
        await database.MigrateAsync(SchemaMigrations.All, cancellationToken).ConfigureAwait(false);
        return app;
    }
}
