using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Server.Hosting;

namespace Vigil.Server.Admin;

/// <summary>
/// For the per-organization admin routes (<c>/organizations/{orgId}/…</c>, key revocation): a hub admin anywhere, or
/// an organization admin in its own organization. Routes without <c>{orgId}</c> check the target's organization
/// themselves (<see cref="AdminAccess.MayManage"/>).
/// </summary>
public sealed class OrgAdminFilter : IEndpointFilter
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

        if (!caller.IsHubAdmin && caller.Role != UserRole.OrgAdmin)
        {
            return ApiProblems.Forbidden(http, $"This needs the hub-admin or org-admin role; {caller.User?.UserName ?? "this API key"} has neither.");
        }

        if (http.Request.RouteValues.TryGetValue("orgId", out var orgId) && orgId is string id && !AdminAccess.MayManage(caller, id))
        {
            return ApiProblems.Forbidden(http, $"An org-admin manages only its own organization ('{caller.Organization.Id}'), not '{id}'.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
