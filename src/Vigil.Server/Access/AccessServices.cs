using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server.Hosting;
using Vigil.Storage.Database;
using Vigil.Storage.Members;

namespace Vigil.Server.Access;

/// <summary>Registers the member store and sign-in, and puts the authentication middleware in the pipeline.</summary>
public static class AccessServices
{
    /// <summary>How long a signed-in caller is reused for the same Authorization header.</summary>
    public static readonly TimeSpan CallerTtl = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddVigilAccess(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new MemberStoreOptions { Pepper = ServerPepper.LoadOrCreate(options.DataDirectory) });
        services.AddSingleton<IMemberStore>(s =>
            new SqlMemberStore(s.GetRequiredService<VigilDatabase>(), s.GetRequiredService<MemberStoreOptions>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReaderFactory>();
        services.AddSingleton(s => new CallerCache(s.GetRequiredService<TimeProvider>(), CallerTtl));
        services.AddSingleton<Authenticator>();
        return services;
    }

    public static IApplicationBuilder UseVigilAuthentication(this IApplicationBuilder app) =>
        app.UseMiddleware<AuthenticationMiddleware>();
}
