using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Ads.Import;
using Vigil.Server.Hosting;
using Vigil.Storage.Ads;

namespace Vigil.Server.Ads;

/// <summary>
/// With <c>--demo</c>, loads the published archive files (<see cref="AdArchiveFilesOptions"/>) into the ad archive when the hub
/// starts, so the public ad library has real ads to search. Idempotent: a restart finds every ad unchanged. A file that cannot
/// be read is logged and left out.
/// </summary>
public sealed class AdArchiveDemoLoader(ServerOptions server, AdArchiveFilesOptions files, SqlAdArchive archive, ILogger<AdArchiveDemoLoader> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!server.Demo)
        {
            return;
        }

        foreach (var (path, options) in files.Files())
        {
            try
            {
                var summary = await AdFileLoader.LoadAsync(archive, path, options, progress: null, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Ad archive: {File} ({Format}): {Created} new, {Versions} new versions, {Unchanged} unchanged, {Skipped} skipped rows",
                    Path.GetFileName(path), summary.Format, summary.Created, summary.NewVersions, summary.Unchanged, summary.Skipped.Count);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or AdImportFormatException)
            {
                logger.LogError("Ad archive file {Path} not loaded: {Reason}", path, e.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
