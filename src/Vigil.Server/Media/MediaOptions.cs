using Microsoft.Extensions.Configuration;
using Vigil.Server.Hosting;

namespace Vigil.Server.Media;

/// <summary>
/// Media matching settings from the configuration section <c>Vigil:Media</c>: <c>MaxUploadBytes</c> (default: the
/// hub's request body limit; larger uploads get 413) and <c>BankCacheSeconds</c>, how long a reader's hash bank stays
/// cached before it is reloaded (default 30).
/// </summary>
public sealed record MediaOptions
{
    public const string Section = "Vigil:Media";

    public required long MaxUploadBytes { get; init; }

    public TimeSpan BankCacheTtl { get; init; } = TimeSpan.FromSeconds(30);

    public static MediaOptions FromConfiguration(IConfiguration configuration, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(server);
        var section = configuration.GetSection(Section);
        return new MediaOptions
        {
            MaxUploadBytes = long.TryParse(section["MaxUploadBytes"], out var max) && max > 0 ? max : server.MaxRequestBodyBytes,
            BankCacheTtl = int.TryParse(section["BankCacheSeconds"], out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(30),
        };
    }
}
