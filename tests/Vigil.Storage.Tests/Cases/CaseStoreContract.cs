using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Cases;
using Vigil.Storage.Database;
using Vigil.Storage.Tests.Objects;
using static Vigil.Storage.Tests.Objects.StixSamples;

namespace Vigil.Storage.Tests.Cases;

/// <summary>Cases, the elections calendar and requests between members on SQLite and PostgreSQL, with party-only visibility.</summary>
public abstract class CaseStoreContract : IAsyncLifetime
{
    private StoreHarness _x = null!;
    private SqlCaseStore _cases = null!;
    private SqlElectionStore _elections = null!;
    private SqlRequestStore _requests = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _x = await StoreHarness.OpenAsync(await StorageAsync());
        _cases = new SqlCaseStore(_x.Database);
        _elections = new SqlElectionStore(_x.Database);
        _requests = new SqlRequestStore(_x.Database);
    }

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    private static NewCase Case(string title, params Organization[] parties) => new()
    {
        Title = title,
        Type = CaseType.CoordinatedNetwork,
        Severity = CaseSeverity.High,
        Summary = "Accounts posting the same polling-place rumour",
        Jurisdictions = [new Jurisdiction("US", "AZ"), new Jurisdiction("US")],
        AffectedDates = [new DateOnly(2026, 11, 3)],
        PartyOrgIds = [.. parties.Select(p => p.Id)],
    };

    [Fact]
    public async Task A_case_keeps_what_it_was_opened_with_and_its_parties()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var election = await _elections.CreateAsync(agency.Id, "General election", "us", "AZ", new DateOnly(2026, 11, 3));
        var reader = await _x.ReaderAsync(agency, "user-1");

        var created = await _cases.CreateAsync(reader, Case("Polling rumour", platform) with { ElectionIds = [election.Id] });
        var read = await _cases.GetAsync(await _x.ReaderAsync(platform), created.Id);

        Assert.NotNull(read);
        Assert.Equal(("Polling rumour", CaseType.CoordinatedNetwork, CaseSeverity.High, CaseStatus.Reported), (read.Title, read.Type, read.Severity, read.Status));
        Assert.Equal([new Jurisdiction("US", "AZ"), new Jurisdiction("US")], read.Jurisdictions);
        Assert.Equal([new DateOnly(2026, 11, 3)], read.AffectedDates);
        Assert.Equal(new[] { agency.Id, platform.Id }.Order(StringComparer.Ordinal), read.PartyOrgIds.Order(StringComparer.Ordinal));
        Assert.Equal([election.Id], read.ElectionIds);
        Assert.Equal((agency.Id, "user-1"), (read.StatusByOrg, read.StatusByUser));
        Assert.Equal("US", (await _elections.GetAsync(election.Id))!.Country);
        var timeline = await _cases.TimelineAsync(reader, created.Id);
        Assert.Equal(CaseEventKinds.Opened, Assert.Single(timeline).Kind);
        Assert.Equal([created.Id], (await _cases.ListAsync(reader, new CaseQuery { ElectionId = election.Id })).Select(c => c.Id));
    }

    [Fact]
    public async Task Only_legal_status_moves_are_taken_and_each_is_on_the_timeline_with_who()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var a = await _x.ReaderAsync(agency, "ana");
        var p = await _x.ReaderAsync(platform, "pat");
        var created = await _cases.CreateAsync(a, Case("Workflow", platform));

        Assert.Equal(CaseChange.IllegalTransition, await _cases.ChangeStatusAsync(a, created.Id, CaseStatus.Actioned));
        Assert.Equal(CaseChange.Done, await _cases.ChangeStatusAsync(a, created.Id, CaseStatus.Triaged));
        Assert.Equal(CaseChange.StaleStatus, await _cases.ChangeStatusAsync(p, created.Id, CaseStatus.InProgress, expected: CaseStatus.Reported));
        Assert.Equal(CaseChange.Done, await _cases.ChangeStatusAsync(p, created.Id, CaseStatus.InProgress, expected: CaseStatus.Triaged));
        Assert.Equal(CaseChange.Done, await _cases.ChangeStatusAsync(p, created.Id, CaseStatus.Actioned));
        Assert.Equal(CaseChange.Done, await _cases.ChangeStatusAsync(p, created.Id, CaseStatus.Disclosed));
        Assert.Equal(CaseChange.IllegalTransition, await _cases.ChangeStatusAsync(p, created.Id, CaseStatus.Actioned));
        Assert.Equal(CaseChange.Done, await _cases.ChangeStatusAsync(a, created.Id, CaseStatus.Closed));
        Assert.Equal(CaseChange.IllegalTransition, await _cases.ChangeStatusAsync(a, created.Id, CaseStatus.Reported));

        var read = await _cases.GetAsync(p, created.Id);
        Assert.Equal((CaseStatus.Closed, agency.Id, "ana"), (read!.Status, read.StatusByOrg, read.StatusByUser));
        var moves = (await _cases.TimelineAsync(p, created.Id)).Where(e => e.Kind == CaseEventKinds.StatusChanged).ToList();
        Assert.Equal(["reported → triaged", "triaged → in-progress", "in-progress → actioned", "actioned → disclosed", "disclosed → closed"], moves.Select(m => m.Detail));
        Assert.Equal([agency.Id, platform.Id, platform.Id, platform.Id, agency.Id], moves.Select(m => m.OrgId));
        Assert.True(CaseWorkflow.CanMove(CaseStatus.Closed, CaseStatus.InProgress));
        Assert.Equal([CaseStatus.Closed], CaseWorkflow.NextOf(CaseStatus.Disclosed));
    }

    [Fact]
    public async Task Comments_assignees_and_attachments_of_visible_objects_are_kept()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var collection = await _x.CollectionAsync([agency, platform], defaultTlp: TlpLevel.Green);
        var shared = NewId("indicator");
        var secret = NewId("indicator");
        await _x.PostOkAsync(agency, collection, Indicator(shared, markings: [Tlp.GreenId]));
        await _x.PostOkAsync(agency, collection, Indicator(secret, markings: [Tlp.RedId]));
        var a = await _x.ReaderAsync(agency);
        var p = await _x.ReaderAsync(platform, "pat");
        var created = await _cases.CreateAsync(a, Case("Attachments", platform));

        Assert.Equal(CaseChange.Done, await _cases.AttachAsync(p, [collection.Id], created.Id, shared, "the lookalike domain"));
        Assert.Equal(CaseChange.NotVisible, await _cases.AttachAsync(p, [collection.Id], created.Id, secret, "not mine to see"));
        Assert.Equal(CaseChange.NotVisible, await _cases.AttachAsync(p, [collection.Id], created.Id, NewId("indicator"), "unknown"));
        Assert.Equal(CaseChange.Done, await _cases.AttachAsync(a, [collection.Id], created.Id, secret, "the author sees it"));
        var comment = await _cases.CommentAsync(p, created.Id, "Removed 40 accounts", TlpLevel.Amber);
        Assert.Equal(CaseChange.Done, await _cases.AssignAsync(p, created.Id, "pat"));
        Assert.Equal(CaseChange.Done, await _cases.AssignAsync(p, created.Id, "pat-2"));

        Assert.NotNull(comment);
        var comments = await _cases.CommentsAsync(a, created.Id);
        Assert.Equal(("Removed 40 accounts", TlpLevel.Amber, platform.Id, "pat"), (Assert.Single(comments).Body, comments[0].Tlp, comments[0].OrgId, comments[0].UserId));
        // Attachments come in attachment time order; two in the same millisecond are ordered by object id.
        Assert.Equal(new[] { shared, secret }.Order(StringComparer.Ordinal), (await _cases.AttachmentsAsync(a, created.Id)).Select(x => x.ObjectId).Order(StringComparer.Ordinal));
        var read = await _cases.GetAsync(a, created.Id);
        Assert.Equal(new CaseAssignee(platform.Id, "pat-2", read!.Assignees[0].AssignedAt), Assert.Single(read.Assignees));
        Assert.Equal(
            [CaseEventKinds.Opened, CaseEventKinds.Attached, CaseEventKinds.Attached, CaseEventKinds.Commented, CaseEventKinds.Assigned, CaseEventKinds.Assigned],
            (await _cases.TimelineAsync(a, created.Id)).Select(e => e.Kind));
    }

    [Fact]
    public async Task No_other_org_can_open_list_count_change_or_infer_a_case()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var outsider = await _x.OrgAsync("Outsider");
        var collection = await _x.CollectionAsync([agency, platform, outsider], defaultTlp: TlpLevel.Green);
        var clear = NewId("indicator");
        await _x.PostOkAsync(outsider, collection, Indicator(clear, markings: [Tlp.ClearId]));
        var election = await _elections.CreateAsync(agency.Id, "Local election", "DE", null, new DateOnly(2026, 9, 27));
        var a = await _x.ReaderAsync(agency);
        var o = await _x.ReaderAsync(outsider, "olly");
        var created = await _cases.CreateAsync(a, Case("Secret case", platform) with { ElectionIds = [election.Id] });
        await _cases.CommentAsync(a, created.Id, "between us", TlpLevel.Red);

        Assert.Null(await _cases.GetAsync(o, created.Id));
        Assert.Null(await _cases.GetAsync(Reader.Public, created.Id));
        Assert.Empty(await _cases.ListAsync(o, new CaseQuery()));
        Assert.Empty(await _cases.ListAsync(o, new CaseQuery { ElectionId = election.Id }));
        Assert.Equal(0, await _cases.CountAsync(o, new CaseQuery()));
        Assert.Equal(0, await _cases.CountAsync(o, new CaseQuery { ElectionId = election.Id, Status = CaseStatus.Reported }));
        Assert.Empty(await _cases.TimelineAsync(o, created.Id));
        Assert.Empty(await _cases.CommentsAsync(o, created.Id));
        Assert.Empty(await _cases.AttachmentsAsync(o, created.Id));

        // Every change answers exactly as for a case that does not exist, and changes nothing.
        var unknown = "case--" + Guid.NewGuid();
        foreach (var id in new[] { created.Id, unknown })
        {
            Assert.Equal(CaseChange.NotFound, await _cases.ChangeStatusAsync(o, id, CaseStatus.Triaged));
            Assert.Equal(CaseChange.NotFound, await _cases.AssignAsync(o, id, "olly"));
            Assert.Equal(CaseChange.NotFound, await _cases.AddPartyAsync(o, id, outsider.Id));
            Assert.Equal(CaseChange.NotFound, await _cases.AttachAsync(o, [collection.Id], id, clear, "x"));
            Assert.Null(await _cases.CommentAsync(o, id, "let me in", TlpLevel.Clear));
        }

        var still = await _cases.GetAsync(a, created.Id);
        Assert.Equal((CaseStatus.Reported, 2, 0), (still!.Status, still.PartyOrgIds.Count, still.Assignees.Count));
        Assert.Equal(2, (await _cases.TimelineAsync(a, created.Id)).Count);
        Assert.Single(await _cases.CommentsAsync(a, created.Id));
        Assert.Empty(await _cases.AttachmentsAsync(a, created.Id));

        // Once made a party, the organization sees the whole case.
        Assert.Equal(CaseChange.Done, await _cases.AddPartyAsync(a, created.Id, outsider.Id));
        Assert.NotNull(await _cases.GetAsync(o, created.Id));
        Assert.Equal(1, await _cases.CountAsync(o, new CaseQuery { ElectionId = election.Id }));
        Assert.Single(await _cases.CommentsAsync(o, created.Id));
    }

    [Fact]
    public async Task An_ad_page_finds_the_whole_cases_naming_it_that_the_reader_is_party_to_newest_first()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var outsider = await _x.OrgAsync("Outsider");
        var election = await _elections.CreateAsync(agency.Id, "General election", "us", "AZ", new DateOnly(2026, 11, 3));
        var (a, p, o) = (await _x.ReaderAsync(agency), await _x.ReaderAsync(platform, "pat"), await _x.ReaderAsync(outsider));
        var withElection = await _cases.CreateAsync(a, Case("Front group ads", platform) with { ElectionIds = [election.Id] });
        var withPlatform = await _cases.CreateAsync(a, Case("Same page, other wave", platform));
        var agencyOnly = await _cases.CreateAsync(a, Case("Agency notes"));
        var notOurs = await _cases.CreateAsync(o, Case("Outsider's own"));
        foreach (var (reader, id) in new[] { (a, withElection.Id), (a, withPlatform.Id), (a, agencyOnly.Id), (o, notOurs.Id) })
        {
            Assert.Equal(CaseChange.Done, await _cases.NameAdPageAsync(reader, id, "META", "front-page", "buys the ads"));
        }

        Assert.Equal(CaseChange.Done, await _cases.NameAdPageAsync(a, withPlatform.Id, "META", "other-page", "unrelated"));
        Assert.Equal(CaseChange.Done, await _cases.AssignAsync(p, withElection.Id, "pat"));

        var found = await _cases.NamingAdPageAsync(a, "META", "front-page");

        Assert.Equal(new[] { withElection.Id, withPlatform.Id, agencyOnly.Id }.Order(StringComparer.Ordinal), found.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(found.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Id), found.Select(c => c.Id));
        foreach (var named in found)
        {
            var whole = (await _cases.GetAsync(a, named.Id))!;
            Assert.Equal((whole.Title, whole.Status, whole.CreatedAt), (named.Title, named.Status, named.CreatedAt));
            Assert.Equal(whole.PartyOrgIds, named.PartyOrgIds);
            Assert.Equal(whole.Assignees, named.Assignees);
            Assert.Equal(whole.ElectionIds, named.ElectionIds);
        }

        Assert.Equal([election.Id], found.Single(c => c.Id == withElection.Id).ElectionIds);
        Assert.Equal(platform.Id, Assert.Single(found.Single(c => c.Id == withElection.Id).Assignees).OrgId);
        Assert.Equal(found.Take(2).Select(c => c.Id), (await _cases.NamingAdPageAsync(a, "META", "front-page", limit: 2)).Select(c => c.Id));
        Assert.Equal(new[] { withElection.Id, withPlatform.Id }.Order(StringComparer.Ordinal),
            (await _cases.NamingAdPageAsync(p, "META", "front-page")).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal([notOurs.Id], (await _cases.NamingAdPageAsync(o, "META", "front-page")).Select(c => c.Id));
        Assert.Empty(await _cases.NamingAdPageAsync(Reader.Public, "META", "front-page"));
        Assert.Empty(await _cases.NamingAdPageAsync(a, "META", "no-such-page"));
        Assert.Equal(CaseChange.NotFound, await _cases.NameAdPageAsync(o, withElection.Id, "META", "front-page", "let me in"));
    }

    [Fact]
    public async Task Case_lists_filter_by_status_type_and_election_newest_first()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var a = await _x.ReaderAsync(agency);
        var first = await _cases.CreateAsync(a, Case("First"));
        var second = await _cases.CreateAsync(a, Case("Second") with { Type = CaseType.HackAndLeak });
        await _cases.ChangeStatusAsync(a, first.Id, CaseStatus.Triaged);

        Assert.Equal(2, await _cases.CountAsync(a, new CaseQuery()));
        Assert.Equal([first.Id], (await _cases.ListAsync(a, new CaseQuery { Status = CaseStatus.Triaged })).Select(c => c.Id));
        Assert.Equal([second.Id], (await _cases.ListAsync(a, new CaseQuery { Type = CaseType.HackAndLeak })).Select(c => c.Id));
        Assert.Equal(1, await _cases.CountAsync(a, new CaseQuery { Type = CaseType.HackAndLeak }));
        Assert.Contains(second.Id, (await _cases.ListAsync(a, new CaseQuery())).Select(c => c.Id));
    }

    [Fact]
    public async Task Counts_by_status_follow_every_move_and_every_party_including_one_added_later()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var late = await _x.OrgAsync("Late platform");
        var a = await _x.ReaderAsync(agency);
        var p = await _x.ReaderAsync(platform);
        var l = await _x.ReaderAsync(late);
        var moved = await _cases.CreateAsync(a, Case("Moved") with { PartyOrgIds = [platform.Id] });
        await _cases.CreateAsync(a, Case("Stays"));
        await _cases.ChangeStatusAsync(a, moved.Id, CaseStatus.Triaged);
        await _cases.ChangeStatusAsync(p, moved.Id, CaseStatus.Closed);
        await _cases.AddPartyAsync(p, moved.Id, late.Id);

        async Task<(long All, long Reported, long Triaged, long Closed)> CountsAsync(Vigil.Core.Sharing.Reader reader) => (
            await _cases.CountAsync(reader, new CaseQuery()),
            await _cases.CountAsync(reader, new CaseQuery { Status = CaseStatus.Reported }),
            await _cases.CountAsync(reader, new CaseQuery { Status = CaseStatus.Triaged }),
            await _cases.CountAsync(reader, new CaseQuery { Status = CaseStatus.Closed }));

        Assert.Equal((2L, 1L, 0L, 1L), await CountsAsync(a));
        Assert.Equal((1L, 0L, 0L, 1L), await CountsAsync(p));
        Assert.Equal((1L, 0L, 0L, 1L), await CountsAsync(l));
        foreach (var (reader, status) in new[] { (a, CaseStatus.Closed), (l, CaseStatus.Closed), (a, CaseStatus.Reported) })
        {
            Assert.Equal((await _cases.ListAsync(reader, new CaseQuery { Status = status })).Count, await _cases.CountAsync(reader, new CaseQuery { Status = status }));
        }
    }

    [Fact]
    public async Task Elections_are_listed_by_date_and_country()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var later = await _elections.CreateAsync(agency.Id, "Later", "FR", null, new DateOnly(2027, 4, 10));
        var sooner = await _elections.CreateAsync(agency.Id, "Sooner", "fr", "Île-de-France", new DateOnly(2026, 6, 1));
        var other = await _elections.CreateAsync(agency.Id, "Other", "BR", null, new DateOnly(2026, 10, 4));

        var french = await _elections.ListAsync(country: "FR");
        Assert.Equal([sooner.Id, later.Id], french.Select(e => e.Id));
        Assert.Equal("Île-de-France", french[0].Region);
        Assert.Equal([other.Id, later.Id], (await _elections.ListAsync(from: new DateOnly(2026, 7, 1))).Where(e => e.Id == other.Id || e.Id == later.Id).Select(e => e.Id));
        Assert.Equal(new HashSet<string> { later.Id }, await _elections.ExistingAsync([later.Id, "election--nope"]));
    }

    [Fact]
    public async Task A_request_is_answered_by_its_recipients_with_actions_and_counts()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var other = await _x.OrgAsync("Other platform");
        var collection = await _x.CollectionAsync([agency], [platform, other], defaultTlp: TlpLevel.Green);
        var indicator = NewId("indicator");
        await _x.PostOkAsync(agency, collection, Indicator(indicator, markings: [Tlp.GreenId]));
        var a = await _x.ReaderAsync(agency, "ana");
        var p = await _x.ReaderAsync(platform, "pat");
        var q = await _x.ReaderAsync(other);
        var deadline = new DateTimeOffset(2026, 11, 2, 18, 0, 0, TimeSpan.Zero);

        var sent = await _requests.SendAsync(a, [collection.Id], new NewMemberRequest
        {
            Kind = RequestKind.ReviewAccounts,
            RecipientOrgIds = [platform.Id, other.Id],
            Subject = "Review 40 accounts",
            Body = "@example1, @example2",
            Tlp = TlpLevel.Amber,
            ObjectIds = [indicator],
            Deadline = deadline,
        });
        var request = sent.Request!;

        Assert.Equal([request.Id], (await _requests.ListAsync(p, RequestBox.Inbox)).Select(r => r.Id));
        Assert.Equal([request.Id], (await _requests.ListAsync(a, RequestBox.Outbox)).Select(r => r.Id));
        Assert.Empty(await _requests.ListAsync(a, RequestBox.Inbox));
        Assert.Equal(1, await _requests.CountAsync(q, RequestBox.Inbox, RequestStatus.Open));

        var (answer, response) = await _requests.RespondAsync(p, request.Id, "Removed and labeled",
            [new ResponseAction(ResponseActionKind.AccountsRemoved, 38), new ResponseAction(ResponseActionKind.ContentLabeled, 120)]);
        Assert.Equal(RequestAnswer.Done, answer);
        Assert.NotNull(response);
        Assert.Equal(RequestStatus.Open, (await _requests.GetAsync(a, request.Id))!.Status);
        Assert.Equal(RequestAnswer.NotARecipient, (await _requests.RespondAsync(a, request.Id, "self", [])).Answer);
        await _requests.RespondAsync(q, request.Id, "Nothing found", [new ResponseAction(ResponseActionKind.NoAction, 0, "accounts not on our service")]);

        var read = await _requests.GetAsync(p, request.Id);
        Assert.Equal((RequestStatus.Answered, TlpLevel.Amber, deadline, RequestKind.ReviewAccounts), (read!.Status, read.Tlp, read.Deadline, read.Kind));
        Assert.Equal([indicator], read.ObjectIds);
        Assert.All(read.Recipients, r => Assert.NotNull(r.RespondedAt));
        var responses = await _requests.ResponsesAsync(a, request.Id);
        Assert.Equal([platform.Id, other.Id], responses.Select(r => r.OrgId));
        Assert.Equal([new ResponseAction(ResponseActionKind.AccountsRemoved, 38), new ResponseAction(ResponseActionKind.ContentLabeled, 120)], responses[0].Actions);
        Assert.Equal("accounts not on our service", responses[1].Actions[0].Reason);

        Assert.Equal(RequestAnswer.NotARecipient, await _requests.CloseAsync(p, request.Id));
        Assert.Equal(RequestAnswer.Done, await _requests.CloseAsync(a, request.Id));
        Assert.Equal(RequestAnswer.Closed, (await _requests.RespondAsync(p, request.Id, "late", [])).Answer);
    }

    [Fact]
    public async Task A_request_cannot_carry_objects_its_sender_may_not_see_or_name_a_case_it_is_not_party_to()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var collection = await _x.CollectionAsync([agency, platform], defaultTlp: TlpLevel.Green);
        var red = NewId("indicator");
        await _x.PostOkAsync(agency, collection, Indicator(red, markings: [Tlp.RedId]));
        var p = await _x.ReaderAsync(platform);
        var foreignCase = await _cases.CreateAsync(await _x.ReaderAsync(agency), Case("Agency only"));
        var input = new NewMemberRequest { Kind = RequestKind.Referral, RecipientOrgIds = [agency.Id], Subject = "Referral" };

        var hidden = await _requests.SendAsync(p, [collection.Id], input with { ObjectIds = [red] });
        var noCase = await _requests.SendAsync(p, [collection.Id], input with { CaseId = foreignCase.Id });

        Assert.Null(hidden.Request);
        Assert.Equal([red], hidden.HiddenObjectIds);
        Assert.Null(noCase.Request);
        Assert.True(noCase.CaseNotFound);
        Assert.Equal(0, await _requests.CountAsync(p, RequestBox.Outbox));
        Assert.Equal(0, await _requests.CountAsync(await _x.ReaderAsync(agency), RequestBox.Inbox));
    }

    [Fact]
    public async Task No_other_org_can_open_list_count_answer_or_infer_a_request()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var outsider = await _x.OrgAsync("Outsider");
        var a = await _x.ReaderAsync(agency);
        var o = await _x.ReaderAsync(outsider);
        var created = await _cases.CreateAsync(a, Case("With a request", platform, outsider));
        var request = (await _requests.SendAsync(a, [], new NewMemberRequest
        {
            Kind = RequestKind.FalseVotingInformation, RecipientOrgIds = [platform.Id], Subject = "Wrong polling date", CaseId = created.Id,
        })).Request!;
        await _requests.RespondAsync(await _x.ReaderAsync(platform), request.Id, "labeled", [new ResponseAction(ResponseActionKind.ContentLabeled, 3)]);

        Assert.Null(await _requests.GetAsync(o, request.Id));
        Assert.Null(await _requests.GetAsync(Reader.Public, request.Id));
        foreach (var box in Enum.GetValues<RequestBox>())
        {
            Assert.Empty(await _requests.ListAsync(o, box));
            Assert.Equal(0, await _requests.CountAsync(o, box));
            Assert.Equal(0, await _requests.CountAsync(o, box, RequestStatus.Answered));
        }

        Assert.Empty(await _requests.ResponsesAsync(o, request.Id));

        // A party to the case still sees only the requests it sent or received.
        Assert.Empty(await _requests.ForCaseAsync(o, created.Id));
        Assert.Equal([request.Id], (await _requests.ForCaseAsync(a, created.Id)).Select(r => r.Id));
        foreach (var id in new[] { request.Id, "request--" + Guid.NewGuid() })
        {
            Assert.Equal(RequestAnswer.NotFound, (await _requests.RespondAsync(o, id, "me too", [])).Answer);
            Assert.Equal(RequestAnswer.NotFound, await _requests.CloseAsync(o, id));
        }

        Assert.Single(await _requests.ResponsesAsync(a, request.Id));
        Assert.Equal(RequestStatus.Answered, (await _requests.GetAsync(a, request.Id))!.Status);
    }
}
