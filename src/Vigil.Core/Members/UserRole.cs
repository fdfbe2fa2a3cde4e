namespace Vigil.Core.Members;

public enum UserRole
{
    Analyst,
    OrgAdmin,
    HubAdmin,
    Oversight,
    Reviewer,
}
