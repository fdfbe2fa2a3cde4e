using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Core.Members;
using Vigil.Server.Hosting;

namespace Vigil.Server.Access;

/// <summary><c>GET /api/me</c>: who the credentials sign in as, so scripts can check them before doing anything else.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext context) => context.GetCaller() is { } caller
                ? Results.Ok(new Me(caller.Organization.Id, caller.Organization.Name, caller.Organization.Sector, caller.User?.UserName, caller.Role,
                    caller.Key?.Id, caller.Reader.Principals))
                : ApiProblems.Unauthorized(context))
            .WithTags("Access");
        return app;
    }

    /// <summary>The signed-in caller as the API shows it.</summary>
    public sealed record Me(string OrgId, string OrgName, Sector Sector, string? UserName, UserRole? Role, string? ApiKeyId, IReadOnlyList<string> Principals);
}
