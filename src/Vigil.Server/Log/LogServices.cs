using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Ledger.Log;
using Vigil.Storage.Database;
using Vigil.Storage.Ledger;

namespace Vigil.Server.Log;

public static class LogServices
{
    /// <summary>The configuration section of <see cref="LogOptions"/>, e.g. <c>Vigil__Log__CheckpointInterval=00:00:30</c>.</summary>
    public const string Section = "Vigil:Log";

    /// <summary>The transparency log over the hub's database, its key, and the checkpoint signer.</summary>
    public static IServiceCollection AddVigilLog(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(Section).Get<LogOptions>() ?? new LogOptions());
        services.AddSingleton<LogFiles>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<LogOptions>();
            var signer = sp.GetRequiredService<LogFiles>().LoadOrCreateKey(options.ResolveOrigin());
            return new TransparencyLog(new SqlLogStore(sp.GetRequiredService<VigilDatabase>()), signer);
        });
        services.AddSingleton<Vigil.Server.Alerts.IEventConsumer, ShareLogger>();
        services.AddSingleton<Vigil.Server.Alerts.IEventConsumer, MemberEventLogger>();
        services.AddSingleton<Vigil.Server.Alerts.IEventConsumer, DeletionLogger>();
        services.AddSingleton<Stats.TransparencyStats>();
        services.AddSingleton<Oversight.OversightLog>();
        services.AddSingleton(sp => new Reads.ReadAuditor(sp.GetRequiredService<Vigil.Storage.Members.IMemberStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService<Reads.ReadLogWriter>();
        services.AddSingleton<CheckpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointService>());
        return services;
    }
}
