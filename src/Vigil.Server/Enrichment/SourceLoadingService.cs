using Microsoft.Extensions.Hosting;

namespace Vigil.Server.Enrichment;

/// <summary>Loads the source registry when the hub starts, before it answers requests.</summary>
public sealed class SourceLoadingService(EnrichmentSources sources) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sources.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
