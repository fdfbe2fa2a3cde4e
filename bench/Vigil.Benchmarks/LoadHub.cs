using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Server.Hosting;

namespace Vigil.Benchmarks;

/// <summary>A hub on Kestrel at a free port of 127.0.0.1 with SQLite in a temporary directory, for the load tests; disposing stops it and deletes the directory.</summary>
public sealed class LoadHub : IAsyncDisposable
{
    private readonly string _directory;

    private LoadHub(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<LoadHub> StartAsync(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        var builder = VigilServer.CreateBuilder(new ServerOptions { DataDirectory = directory, Urls = "http://127.0.0.1:0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = await VigilServer.BuildAsync(builder);
        await app.StartAsync();
        return new LoadHub(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
