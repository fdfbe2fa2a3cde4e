using Microsoft.AspNetCore.Http;
using Vigil.Server.Access;
using Vigil.Server.Hosting;

namespace Vigil.Server.Admin;

/// <summary>Lets only a signed-in hub admin through: 401 for nobody, 403 for anyone else.</summary>
public sealed class HubAdminFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var caller = http.GetCaller();
        if (caller is null)
        {
            return ApiProblems.Unauthorized(http);
        }

        if (!caller.IsHubAdmin)
        {
            return ApiProblems.Forbidden(http, $"The admin API needs the hub-admin role; {caller.User?.UserName ?? "this API key"} does not have it.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
