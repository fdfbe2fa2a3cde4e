using Vigil.Core.Members;
using Vigil.Server.Access;

namespace Vigil.Server.Admin;

/// <summary>Who may manage what: hub admins everything; org admins their own organization's users and keys, below hub rank.</summary>
internal static class AdminAccess
{
    public static bool MayManage(Caller caller, string orgId) =>
        caller.IsHubAdmin || (caller.Role == UserRole.OrgAdmin && caller.Organization.Id == orgId);

    /// <summary>Org admins may not hand out the hub-wide roles.</summary>
    public static bool MayGrant(Caller caller, UserRole role) =>
        caller.IsHubAdmin || role is UserRole.Analyst or UserRole.OrgAdmin or UserRole.Reviewer;
}
