using Microsoft.AspNetCore.Http;
using Vigil.Server.Access;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log.Oversight;

/// <summary>Lets through users with the oversight role (and hub admins, who run the hub the log holds to account).</summary>
public sealed class OversightFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(http);
        }

        if (!Allows(caller))
        {
            return ApiProblems.Forbidden(http, $"The full log entries are for the oversight role; {caller.User?.UserName ?? "this API key"} does not have it. " +
                "Everyone may read the aggregate statistics at /public/transparency/stats.");
        }

        return await next(context).ConfigureAwait(false);
    }

    public static bool Allows(Caller caller) => caller.Reader.IsOversight || caller.IsHubAdmin;
}
