using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ads;

/// <summary>Who may write to the ad library: platform members with a write-capable sign-in; reviewers for verification.</summary>
internal static class AdMemberAccess
{
    public static bool TryPlatformWriter(HttpContext context, out Caller caller, out IResult problem)
    {
        problem = null!;
        if (context.GetCaller() is not { } signedIn)
        {
            caller = null!;
            problem = ApiProblems.Unauthorized(context);
            return false;
        }

        caller = signedIn;
        if (caller.Organization.Sector != Sector.Platform && !caller.IsHubAdmin)
        {
            problem = ApiProblems.Forbidden(context, "Only member platforms submit ads and register advertisers; your organization is not a platform.");
            return false;
        }

        if (caller.Key is { CanWrite: false })
        {
            problem = ApiProblems.Forbidden(context, "This API key is read-only.");
            return false;
        }

        return true;
    }

    public static bool TryReviewer(HttpContext context, out Caller caller, out IResult problem)
    {
        problem = null!;
        if (context.GetCaller() is not { } signedIn)
        {
            caller = null!;
            problem = ApiProblems.Unauthorized(context);
            return false;
        }

        caller = signedIn;
        if (caller.Role is not (UserRole.Reviewer or UserRole.HubAdmin) || caller.Organization.Sector != Sector.Hub)
        {
            problem = ApiProblems.Forbidden(context, "Advertiser verification is done by the hub's reviewers (role reviewer or hub-admin in the hub's organization).");
            return false;
        }

        return true;
    }
}
