using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage.Alerts;
using Vigil.Storage.Database;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Privacy;

public static class PrivacyServices
{
    /// <summary>The data-minimization policy store (its events share the hub's outbox) and its guard on requests and cases.</summary>
    public static IServiceCollection AddVigilPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<IPolicyStore>(sp => new SqlPolicyStore(
            sp.GetRequiredService<VigilDatabase>(), sp.GetRequiredService<SqlEventOutbox>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<MessagePolicyGuard>();
        return services;
    }
}
