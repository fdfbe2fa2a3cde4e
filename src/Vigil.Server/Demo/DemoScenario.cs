using Vigil.Core.Members;
using Vigil.Core.Sharing;

namespace Vigil.Server.Demo;

/// <summary>
/// The demo's members: four platforms, three agencies, an election office, a research lab and the hub itself.
/// Every name is invented and carries "(demo)"; every domain is under the reserved <c>.example</c> TLD.
/// </summary>
internal static class DemoScenario
{
    public const string ApiRoot = Admin.AdminApi.DefaultApiRoot;

    public static readonly DemoOrg Hub = new("demo-hub", "Vigil Hub Operations (demo)", Sector.Hub);
    public static readonly DemoOrg Northwind = new("northwind-social", "Northwind Social (demo)", Sector.Platform);
    public static readonly DemoOrg Bluejay = new("bluejay-video", "Bluejay Video (demo)", Sector.Platform);
    public static readonly DemoOrg Lakeside = new("lakeside-messenger", "Lakeside Messenger (demo)", Sector.Platform);
    public static readonly DemoOrg Quillfeed = new("quillfeed-forums", "Quillfeed Forums (demo)", Sector.Platform);
    public static readonly DemoOrg CyberAgency = new("civic-cyber-agency", "Civic Cyber Defence Agency (demo)", Sector.Government);
    public static readonly DemoOrg TaskForce = new("interference-task-force", "Foreign Interference Task Force (demo)", Sector.Government);
    public static readonly DemoOrg CommsOffice = new("comms-integrity-office", "Communications Integrity Office (demo)", Sector.Government);
    public static readonly DemoOrg Elections = new("lakemoor-elections", "Lakemoor County Elections Office (demo)", Sector.ElectionOffice);
    public static readonly DemoOrg Lab = new("open-signals-lab", "Open Signals Research Lab (demo)", Sector.Research);

    public static readonly IReadOnlyList<DemoOrg> Organizations = [Hub, Northwind, Bluejay, Lakeside, Quillfeed, CyberAgency, TaskForce, CommsOffice, Elections, Lab];

    public static readonly IReadOnlyList<DemoOrg> Platforms = [Northwind, Bluejay, Lakeside, Quillfeed];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("hub-admin", Hub, UserRole.HubAdmin),
        new("hub-oversight", Hub, UserRole.Oversight),
        new("northwind-analyst", Northwind, UserRole.Analyst),
        new("bluejay-analyst", Bluejay, UserRole.Analyst),
        new("lakeside-analyst", Lakeside, UserRole.Analyst),
        new("quillfeed-analyst", Quillfeed, UserRole.Analyst),
        new("cyber-agency-analyst", CyberAgency, UserRole.Analyst),
        new("task-force-analyst", TaskForce, UserRole.Analyst),
        new("comms-office-analyst", CommsOffice, UserRole.Analyst),
        new("lakemoor-admin", Elections, UserRole.OrgAdmin),
        new("open-signals-researcher", Lab, UserRole.Analyst),
    ];

    public static readonly SharingGroup ElectionDefenders = new()
    {
        Id = "election-defenders",
        Name = "Election defenders (demo)",
        Description = "Platforms, agencies and the election office working the 2026 general election.",
        OrgIds = [Northwind.Id, Bluejay.Id, Lakeside.Id, Quillfeed.Id, CyberAgency.Id, TaskForce.Id, CommsOffice.Id, Elections.Id],
    };

    public static readonly SharingGroup PlatformTrustSafety = new()
    {
        Id = "platform-trust-safety",
        Name = "Platform trust and safety (demo)",
        Description = "The four platforms' integrity teams and the research lab that studies their data.",
        OrgIds = [Northwind.Id, Bluejay.Id, Lakeside.Id, Quillfeed.Id, Lab.Id],
    };

    public static readonly Collection ElectionThreats = new()
    {
        Id = DemoIds.Uuid("collection:election-threats").ToString("D"),
        ApiRoot = ApiRoot,
        Title = "Election threats",
        Description = "Influence operations and intrusions aimed at the election, shared among all members.",
        Alias = "election-threats",
        AllMembersRead = true,
        AllMembersWrite = true,
        DefaultTlp = TlpLevel.Amber,
    };

    public static readonly Collection PublicAdvisories = new()
    {
        Id = DemoIds.Uuid("collection:public-advisories").ToString("D"),
        ApiRoot = ApiRoot,
        Title = "Public advisories",
        Description = "TLP:CLEAR advisories for voters, journalists and the public.",
        Alias = "public-advisories",
        AllMembersRead = true,
        PublicRead = true,
        WriteOrgIds = [Hub.Id, CyberAgency.Id, TaskForce.Id, CommsOffice.Id, Elections.Id],
        DefaultTlp = TlpLevel.Clear,
    };

    public static readonly Collection PlatformCoordination = new()
    {
        Id = DemoIds.Uuid("collection:platform-coordination").ToString("D"),
        ApiRoot = ApiRoot,
        Title = "Platform coordination",
        Description = "Cross-platform account and infrastructure signals between trust and safety teams.",
        Alias = "platform-coordination",
        WriteOrgIds = [Northwind.Id, Bluejay.Id, Lakeside.Id, Quillfeed.Id, Lab.Id],
        DefaultTlp = TlpLevel.AmberStrict,
    };

    public static readonly IReadOnlyList<Collection> Collections = [ElectionThreats, PublicAdvisories, PlatformCoordination];

    public static string IdentityOf(DemoOrg org) => DemoIds.Stix("identity", org.Id);

    public static string UserIdOf(string userName) => "demo-user-" + userName;

    internal sealed record DemoOrg(string Id, string Name, Sector Sector);

    internal sealed record DemoUser(string UserName, DemoOrg Org, UserRole Role);
}
