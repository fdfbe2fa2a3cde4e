using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Server.Admin;

/// <summary>
/// The admin API under <c>/api/admin</c>: hub admins manage organizations, sharing groups, collections and the
/// data-minimization policy; hub admins
/// and each organization's org admins manage that organization's users and API keys.
/// </summary>
public static class AdminApi
{
    public const string DefaultApiRoot = "vigil";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin");
        var hub = api.MapGroup(string.Empty).AddEndpointFilter<HubAdminFilter>();
        hub.MapPost("/organizations", OrganizationEndpoints.CreateAsync);
        hub.MapGet("/organizations", OrganizationEndpoints.ListAsync);
        hub.MapPost("/sharing-groups", SharingGroupEndpoints.CreateAsync);
        hub.MapGet("/sharing-groups", SharingGroupEndpoints.ListAsync);
        hub.MapPost("/collections", CollectionEndpoints.CreateAsync);
        hub.MapGet("/collections", CollectionEndpoints.ListAsync);
        hub.MapGet("/policy", PolicyEndpoints.GetCurrentAsync);
        hub.MapPut("/policy", PolicyEndpoints.PutAsync);
        hub.MapGet("/policy/versions", PolicyEndpoints.ListAsync);
        hub.MapGet("/policy/versions/{version:int}", PolicyEndpoints.GetVersionAsync);

        // Hub admins, and org admins for their own organization.
        var org = api.MapGroup(string.Empty).AddEndpointFilter<OrgAdminFilter>();
        org.MapGet("/organizations/{orgId}", OrganizationEndpoints.GetAsync);
        org.MapPost("/organizations/{orgId}/users", UserEndpoints.CreateAsync);
        org.MapGet("/organizations/{orgId}/users", UserEndpoints.ListAsync);
        org.MapPost("/organizations/{orgId}/api-keys", ApiKeyEndpoints.CreateAsync);
        org.MapGet("/organizations/{orgId}/api-keys", ApiKeyEndpoints.ListAsync);
        org.MapPost("/api-keys/{keyId}/revoke", ApiKeyEndpoints.RevokeAsync);
        return app;
    }
}
