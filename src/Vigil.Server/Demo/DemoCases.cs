using Microsoft.Extensions.Logging;
using Vigil.Core.Sharing;
using Vigil.Server.Access;
using Vigil.Storage.Cases;
using Vigil.Storage.Members;

namespace Vigil.Server.Demo;

/// <summary>
/// The demo's response work around the Lakemoor County election: two elections on the calendar, three cases between
/// agencies, platforms and the elections office at different statuses, and requests with and without answers. Seeded
/// once: when the demo election is already on the calendar nothing is added.
/// </summary>
public sealed class DemoCases(SqlCaseStore cases, SqlRequestStore requests, SqlElectionStore elections, IMemberStore members, ReaderFactory readers,
    ILogger<DemoCases> logger)
{
    public const string GeneralElection = "Lakemoor County general election (demo)";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await elections.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Any(e => e.Name == GeneralElection))
        {
            return;
        }

        var general = await elections.CreateAsync(DemoScenario.Elections.Id, GeneralElection, "XX", "Lakemoor County", new DateOnly(2026, 11, 3), cancellationToken)
            .ConfigureAwait(false);
        await elections.CreateAsync(DemoScenario.Elections.Id, "Statewide primary (demo)", "XX", null, new DateOnly(2026, 8, 4), cancellationToken).ConfigureAwait(false);

        var office = await CallerAsync("lakemoor-admin", cancellationToken).ConfigureAwait(false);
        var taskForce = await CallerAsync("task-force-analyst", cancellationToken).ConfigureAwait(false);
        var comms = await CallerAsync("comms-office-analyst", cancellationToken).ConfigureAwait(false);
        var northwind = await CallerAsync("northwind-analyst", cancellationToken).ConfigureAwait(false);
        var lakeside = await CallerAsync("lakeside-analyst", cancellationToken).ConfigureAwait(false);
        var objects = DemoObjects.Build();
        string IdOf(string name) => (string)objects.First(s => (string?)s.Object["name"] == name).Object["id"]!;

        var scam = await cases.CreateAsync(office.Reader, new NewCase
        {
            Title = "Mail ballot 're-verification' scam (demo)",
            Type = CaseType.VoterSuppression,
            Severity = CaseSeverity.Critical,
            Summary = "Texts and posts tell Lakemoor voters to 're-verify' their mail ballot on a lookalike site before election day.",
            Jurisdictions = [new Jurisdiction("XX", "Lakemoor County")],
            AffectedDates = [new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 3)],
            ElectionIds = [general.Id],
            PartyOrgIds = [DemoScenario.TaskForce.Id, DemoScenario.Northwind.Id, DemoScenario.Bluejay.Id],
        }, cancellationToken).ConfigureAwait(false);
        await cases.ChangeStatusAsync(office.Reader, scam.Id, CaseStatus.Triaged, cancellationToken: cancellationToken).ConfigureAwait(false);
        await cases.ChangeStatusAsync(taskForce.Reader, scam.Id, CaseStatus.InProgress, cancellationToken: cancellationToken).ConfigureAwait(false);
        await cases.AssignAsync(taskForce.Reader, scam.Id, taskForce.User!.Id, cancellationToken).ConfigureAwait(false);
        await cases.AttachAsync(office.Reader, await CollectionsAsync(office, cancellationToken).ConfigureAwait(false), scam.Id,
            IdOf("Advisory: the elections office never asks you to re-verify a mail ballot (demo)"), "our public advisory", cancellationToken).ConfigureAwait(false);
        await cases.AttachAsync(taskForce.Reader, await CollectionsAsync(taskForce, cancellationToken).ConfigureAwait(false), scam.Id,
            IdOf("Operation Paper Lantern (demo)"), "the campaign behind the texts", cancellationToken).ConfigureAwait(false);
        await cases.CommentAsync(taskForce.Reader, scam.Id, "The lookalike domain was registered two days before the first texts.", TlpLevel.Amber, cancellationToken)
            .ConfigureAwait(false);

        var report = (await requests.SendAsync(office.Reader, [], new NewMemberRequest
        {
            Kind = RequestKind.FalseVotingInformation,
            RecipientOrgIds = [DemoScenario.Northwind.Id, DemoScenario.Bluejay.Id],
            Subject = "Posts telling voters to re-verify mail ballots (demo)",
            Body = "Posts and short videos link to the re-verification site. Mail ballots never need re-verification; please label or remove.",
            Tlp = TlpLevel.Green,
            Deadline = new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero),
            CaseId = scam.Id,
        }, cancellationToken).ConfigureAwait(false)).Request!;
        await requests.RespondAsync(northwind.Reader, report.Id, "Labeled with a link to the county's advisory; accounts that only posted the link were removed.",
            [new ResponseAction(ResponseActionKind.AccountsRemoved, 14), new ResponseAction(ResponseActionKind.ContentLabeled, 230)], cancellationToken).ConfigureAwait(false);

        var network = await cases.CreateAsync(taskForce.Reader, new NewCase
        {
            Title = "Impersonating 'Lakemoor Vote Alerts' accounts (demo)",
            Type = CaseType.CoordinatedNetwork,
            Severity = CaseSeverity.High,
            Summary = "A network of accounts posing as the elections office amplifies the re-verification link.",
            Jurisdictions = [new Jurisdiction("XX", "Lakemoor County")],
            ElectionIds = [general.Id],
            PartyOrgIds = [DemoScenario.Northwind.Id],
        }, cancellationToken).ConfigureAwait(false);
        foreach (var status in new[] { CaseStatus.Triaged, CaseStatus.InProgress, CaseStatus.Actioned })
        {
            await cases.ChangeStatusAsync(northwind.Reader, network.Id, status, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var review = (await requests.SendAsync(taskForce.Reader, [], new NewMemberRequest
        {
            Kind = RequestKind.ReviewAccounts,
            RecipientOrgIds = [DemoScenario.Northwind.Id],
            Subject = "Review 40 accounts posing as the elections office (demo)",
            Body = "Account handles are in the attached indicator; most were created in the same week.",
            Tlp = TlpLevel.Amber,
            Deadline = new DateTimeOffset(2026, 10, 28, 12, 0, 0, TimeSpan.Zero),
            CaseId = network.Id,
        }, cancellationToken).ConfigureAwait(false)).Request!;
        await requests.RespondAsync(northwind.Reader, review.Id, "Removed for coordinated inauthentic behaviour; two were genuine fan accounts.",
            [new ResponseAction(ResponseActionKind.AccountsRemoved, 38), new ResponseAction(ResponseActionKind.NoAction, 2, "genuine accounts, no violation")],
            cancellationToken).ConfigureAwait(false);

        await cases.CreateAsync(comms.Reader, new NewCase
        {
            Title = "Synthetic audio of the county clerk (demo)",
            Type = CaseType.ManipulatedMedia,
            Severity = CaseSeverity.Medium,
            Summary = "A voice clip in which the clerk appears to move polling places circulates in messaging groups.",
            Jurisdictions = [new Jurisdiction("XX", "Lakemoor County")],
            AffectedDates = [new DateOnly(2026, 11, 2)],
            ElectionIds = [general.Id],
            PartyOrgIds = [DemoScenario.Lakeside.Id, DemoScenario.Elections.Id],
        }, cancellationToken).ConfigureAwait(false);
        await requests.SendAsync(lakeside.Reader, [], new NewMemberRequest
        {
            Kind = RequestKind.Referral,
            RecipientOrgIds = [DemoScenario.CyberAgency.Id],
            Subject = "Network we removed points to one hosting provider (demo)",
            Body = "The re-verification sites we blocked all resolve to the same hosting provider; referring for your infrastructure work.",
            Tlp = TlpLevel.Amber,
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Demo response work seeded: 2 elections, 3 cases, 3 requests.");
    }

    private async Task<Caller> CallerAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await members.FindUserByNameAsync(userName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Demo user {userName} is missing.");
        return await readers.ForUserAsync(user, null, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Demo user {userName} cannot sign in.");
    }

    private async Task<IReadOnlyList<string>> CollectionsAsync(Caller caller, CancellationToken cancellationToken) =>
        [.. (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false)).Where(caller.CanRead).Select(c => c.Id)];
}
