using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 for webhook deliveries: <c>/ok/{name}</c> answers 204, <c>/fail/{name}</c> 500,
/// <c>/gone/{name}</c> 410, <c>/redirect/{name}</c> 302, <c>/hang/{name}</c> never answers. Every request is recorded.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{behaviour}/{name}", async (HttpContext context, string behaviour, string name) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver.Received.Enqueue(new ReceivedDelivery(
                name, behaviour, body.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            switch (behaviour)
            {
                case "hang":
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                    return Results.StatusCode(504);
                case "fail":
                    return Results.StatusCode(500);
                case "gone":
                    return Results.StatusCode(410);
                case "redirect":
                    return Results.Redirect("/ok/" + name);
                default:
                    return Results.NoContent();
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    public string Url(string behaviour, string name) => new Uri(BaseAddress, $"/{behaviour}/{name}").AbsoluteUri;

    public IReadOnlyList<ReceivedDelivery> For(string name) => [.. Received.Where(r => r.Name == name)];

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
