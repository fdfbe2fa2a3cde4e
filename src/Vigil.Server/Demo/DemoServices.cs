using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Demo;

public static class DemoServices
{
    public static IServiceCollection AddVigilDemo(this IServiceCollection services) => services.AddSingleton<DemoSeeder>().AddSingleton<DemoCases>();
}
