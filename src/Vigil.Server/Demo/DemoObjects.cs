using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using static Vigil.Server.Demo.DemoScenario;
using static Vigil.Server.Demo.DemoStix;

namespace Vigil.Server.Demo;

/// <summary>
/// The demo's threat picture: "Operation Paper Lantern", an invented influence campaign against an invented
/// county election, with its intrusion set, techniques, indicators on domains, URLs and accounts, a sighting, a
/// report, relationships and every TLP level from CLEAR to RED.
/// </summary>
internal static class DemoObjects
{
    private const string Day1 = "2026-10-05T09:00:00.000Z";
    private const string Day2 = "2026-10-12T14:30:00.000Z";
    private const string Day3 = "2026-10-19T11:15:00.000Z";
    private const string Day4 = "2026-10-26T16:45:00.000Z";

    public static IReadOnlyList<DemoShare> Build()
    {
        var shares = new List<DemoShare>();
        var defenders = "group:" + ElectionDefenders.Id;

        foreach (var org in Organizations)
        {
            var identity = Sdo("identity", org.Id, org, Day1, TlpLevel.Clear);
            identity["id"] = IdentityOf(org);
            identity["name"] = org.Name;
            identity["identity_class"] = "organization";
            identity["description"] = $"Member of the Vigil demo exchange ({org.Sector}).";
            shares.Add(new DemoShare(org, ElectionThreats, identity));
        }

        var harbor = Named("intrusion-set", "Harbor Chorus (demo)", TaskForce, Day1, TlpLevel.Green);
        harbor["description"] = "A fictional operator network that runs look-alike local news accounts and amplifies them through rented engagement.";
        harbor["aliases"] = Strings("HC-Demo", "Lantern Choir");
        harbor["goals"] = Strings("depress turnout in targeted precincts", "erode trust in the count");
        harbor["resource_level"] = "organization";
        harbor["primary_motivation"] = "ideology";
        harbor["first_seen"] = "2026-08-01T00:00:00.000Z";

        var lantern = Named("campaign", "Operation Paper Lantern (demo)", TaskForce, Day2, TlpLevel.Amber, defenders);
        lantern["description"] = "Coordinated posts and videos telling voters in Lakemoor County that mail ballots must be 're-verified' on a fake site before election day.";
        lantern["objective"] = "Make eligible voters believe their mail ballot will be rejected unless they re-register.";
        lantern["first_seen"] = "2026-09-20T00:00:00.000Z";
        lantern["labels"] = Strings("voter-suppression", "impersonation");

        var amplification = Named("attack-pattern", "Coordinated inauthentic amplification (demo)", Lab, Day1, TlpLevel.Green);
        amplification["description"] = "Many accounts under common control repost the same message within seconds to game ranking.";
        var impersonation = Named("attack-pattern", "Impersonation of election officials (demo)", Lab, Day1, TlpLevel.Green);
        impersonation["description"] = "Accounts and sites dressed as the county elections office give false instructions.";
        var falseProcedure = Named("attack-pattern", "False voting-procedure claims (demo)", Lab, Day1, TlpLevel.Green);
        falseProcedure["description"] = "Wrong dates, places or requirements for voting, stated as official.";

        var domain = Observable("domain-name", new JsonObject { ["value"] = "ballot-status-check.example" }, TlpLevel.Green);
        var url = Observable("url", new JsonObject { ["value"] = "https://ballot-status-check.example/verify-registration" }, TlpLevel.Green);
        var account = Observable("user-account", new JsonObject
        {
            ["account_type"] = "northwind-social",
            ["user_id"] = "8812004417",
            ["account_login"] = "lakemoor_vote_alerts",
            ["display_name"] = "Lakemoor Vote Alerts (demo)",
        }, TlpLevel.Amber);
        account[RecipientsProperty] = Strings(defenders);

        var domainIndicator = Named("indicator", "Fake ballot re-verification domain (demo)", CyberAgency, Day2, TlpLevel.Amber, defenders);
        domainIndicator["description"] = "Look-alike domain used by Paper Lantern posts; registered 2026-09-18.";
        domainIndicator["indicator_types"] = Strings("malicious-activity", "attribution");
        domainIndicator["pattern"] = "[domain-name:value = 'ballot-status-check.example']";
        domainIndicator["pattern_type"] = "stix";
        domainIndicator["valid_from"] = Day2;
        domainIndicator["labels"] = Strings("voter-suppression");

        var urlIndicator = Named("indicator", "Fake re-verification form URL (demo)", CyberAgency, Day2, TlpLevel.Green);
        urlIndicator["indicator_types"] = Strings("malicious-activity");
        urlIndicator["pattern"] = "[url:value = 'https://ballot-status-check.example/verify-registration']";
        urlIndicator["pattern_type"] = "stix";
        urlIndicator["valid_from"] = Day2;
        urlIndicator["labels"] = Strings("voter-suppression", "phishing");

        var accountIndicator = Named("indicator", "Impersonating 'Lakemoor Vote Alerts' account (demo)", Northwind, Day3, TlpLevel.Amber, defenders);
        accountIndicator["indicator_types"] = Strings("malicious-activity", "attribution");
        accountIndicator["pattern"] = "[user-account:account_type = 'northwind-social' AND user-account:account_login = 'lakemoor_vote_alerts']";
        accountIndicator["pattern_type"] = "stix";
        accountIndicator["valid_from"] = Day3;
        accountIndicator["labels"] = Strings("impersonation");

        var sighting = Sdo("sighting", "bluejay sighting of domain indicator", Bluejay, Day3, TlpLevel.AmberStrict,
            "org:" + TaskForce.Id, "org:" + CyberAgency.Id);
        sighting["sighting_of_ref"] = (string)domainIndicator["id"]!;
        sighting["where_sighted_refs"] = Strings(IdentityOf(Bluejay));
        sighting["count"] = 42;
        sighting["first_seen"] = "2026-10-14T08:00:00.000Z";
        sighting["last_seen"] = "2026-10-18T22:10:00.000Z";
        sighting["description"] = "Links to the domain in 42 video descriptions uploaded by 9 new channels within two hours.";

        var report = Named("report", "Paper Lantern: fake ballot re-verification (demo)", Lab, Day4, TlpLevel.Green);
        report["description"] = "How one operator network pushed voters toward a fake re-verification site on four platforms.";
        report["report_types"] = Strings("campaign", "threat-actor", "attack-pattern");
        report["published"] = Day4;
        report["labels"] = Strings("voter-suppression");
        report["object_refs"] = Refs(lantern, harbor, amplification, impersonation, falseProcedure, urlIndicator);

        var redNote = Sdo("note", "lakemoor phone line note", Elections, Day4, TlpLevel.Red, "user:" + UserIdOf("task-force-analyst"));
        redNote["abstract"] = "Calls to the polling-place hotline (demo)";
        redNote["content"] = "Our hotline logged 130 calls from voters who were told by text message to re-verify. Caller numbers are held by the office; ask before sharing.";
        redNote["object_refs"] = Refs(lantern);

        var advisory = Named("report", "Advisory: the elections office never asks you to re-verify a mail ballot (demo)", Elections, Day3, TlpLevel.Clear);
        advisory["description"] = "Your mail ballot does not need to be re-verified online. Check your ballot status only on the county's own website or by phone.";
        advisory["report_types"] = Strings("threat-report");
        advisory["published"] = Day3;
        advisory["object_refs"] = Refs(falseProcedure);

        var shortener = Named("infrastructure", "Paper Lantern link shorteners (demo)", Quillfeed, Day3, TlpLevel.AmberStrict);
        shortener["infrastructure_types"] = Strings("hosting-malware", "anonymization");
        shortener["description"] = "Three short-link services that redirect to the fake re-verification form.";

        shares.AddRange(
        [
            new(TaskForce, ElectionThreats, harbor),
            new(TaskForce, ElectionThreats, lantern),
            new(Lab, ElectionThreats, amplification),
            new(Lab, ElectionThreats, impersonation),
            new(Lab, ElectionThreats, falseProcedure),
            new(CyberAgency, ElectionThreats, domain),
            new(CyberAgency, ElectionThreats, url),
            new(Northwind, ElectionThreats, account),
            new(CyberAgency, ElectionThreats, domainIndicator),
            new(CyberAgency, ElectionThreats, urlIndicator),
            new(Northwind, ElectionThreats, accountIndicator),
            new(Bluejay, ElectionThreats, sighting),
            new(Lab, ElectionThreats, report),
            new(Elections, ElectionThreats, redNote),
            new(Elections, PublicAdvisories, advisory),
            new(Quillfeed, PlatformCoordination, shortener),
            new(TaskForce, ElectionThreats, Relationship("attributed-to", lantern, harbor, TaskForce, Day2, TlpLevel.Amber, defenders)),
            new(TaskForce, ElectionThreats, Relationship("targets", lantern, Identity(Elections), TaskForce, Day2, TlpLevel.Amber, defenders)),
            new(Lab, ElectionThreats, Relationship("uses", harbor, amplification, Lab, Day2, TlpLevel.Green)),
            new(Lab, ElectionThreats, Relationship("uses", lantern, impersonation, Lab, Day2, TlpLevel.Green)),
            new(Lab, ElectionThreats, Relationship("uses", lantern, falseProcedure, Lab, Day2, TlpLevel.Green)),
            new(CyberAgency, ElectionThreats, Relationship("indicates", domainIndicator, lantern, CyberAgency, Day2, TlpLevel.Amber, defenders)),
            new(CyberAgency, ElectionThreats, Relationship("indicates", urlIndicator, lantern, CyberAgency, Day2, TlpLevel.Green)),
            new(Northwind, ElectionThreats, Relationship("indicates", accountIndicator, harbor, Northwind, Day3, TlpLevel.Amber, defenders)),
            new(Quillfeed, PlatformCoordination, Relationship("uses", harbor, shortener, Quillfeed, Day3, TlpLevel.AmberStrict)),
        ]);
        return shares;
    }

    private static JsonObject Identity(DemoOrg org) => new() { ["id"] = IdentityOf(org) };
}
