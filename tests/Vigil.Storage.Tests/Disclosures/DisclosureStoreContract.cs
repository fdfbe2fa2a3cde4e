using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Events;
using Vigil.Storage.Alerts;
using Vigil.Storage.Cases;
using Vigil.Storage.Database;
using Vigil.Storage.Disclosures;
using Vigil.Storage.Tests.Objects;
using static Vigil.Storage.Tests.Objects.StixSamples;

namespace Vigil.Storage.Tests.Disclosures;

/// <summary>Public takedown disclosures on SQLite and PostgreSQL: who may publish, hashed datasets, TLP:CLEAR confirmation, the public index.</summary>
public abstract class DisclosureStoreContract : IAsyncLifetime
{
    private StoreHarness _x = null!;
    private SqlCaseStore _cases = null!;
    private SqlDisclosureStore _disclosures = null!;
    private SqlEventOutbox _outbox = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _x = await StoreHarness.OpenAsync(await StorageAsync());
        _cases = new SqlCaseStore(_x.Database);
        _outbox = new SqlEventOutbox(_x.Database);
        _disclosures = new SqlDisclosureStore(_x.Database, outbox: _outbox);
    }

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    private sealed record World(Organization Agency, Organization Platform, Reader A, Reader P, string CaseId);

    private async Task<World> WorldAsync(CaseStatus status = CaseStatus.Reported)
    {
        var agency = await _x.OrgAsync("Agency " + Guid.NewGuid().ToString("N")[..8], Sector.Government);
        var platform = await _x.OrgAsync("Platform " + Guid.NewGuid().ToString("N")[..8]);
        var a = await _x.ReaderAsync(agency, "ana");
        var p = await _x.ReaderAsync(platform, "pat");
        var created = await _cases.CreateAsync(a, new NewCase
        {
            Title = "Network posing as local news",
            Type = CaseType.CoordinatedNetwork,
            Severity = CaseSeverity.High,
            Summary = "Pages with the same admins",
            Jurisdictions = [new Jurisdiction("US", "AZ")],
            AffectedDates = [],
            PartyOrgIds = [platform.Id],
        });
        for (var next = CaseStatus.Triaged; next <= status; next++)
        {
            Assert.Equal(CaseChange.Done, await _cases.ChangeStatusAsync(p, created.Id, next));
        }

        return new World(agency, platform, a, p, created.Id);
    }

    private static NewDisclosure Disclosure(string title, string? narrative = null, bool identifiersPublic = false) => new()
    {
        Title = title,
        Narrative = narrative ?? "We removed a network of accounts posing as local news outlets ahead of the election.",
        Actor = "Example Marketing LLC",
        Counts = new DisclosureCounts(2, 3, 1, 41_000, 1250.50m, "USD"),
        ActivityFrom = new DateOnly(2026, 6, 1),
        ActivityTo = new DateOnly(2026, 10, 20),
        Samples = ["Polling places in Maricopa are closed tomorrow", "Vote by text: reply YES"],
        Accounts =
        [
            new DisclosedAccount("exampleplatform", "1001", "@LocalNewsAZ", new DateOnly(2025, 12, 1), 40_000),
            new DisclosedAccount("exampleplatform", "1002", "azdaily", null, 1_000),
        ],
        IdentifiersPublic = identifiersPublic,
    };

    [Fact]
    public async Task A_platform_party_publishes_a_hashed_dataset_and_the_actioned_case_becomes_disclosed()
    {
        var w = await WorldAsync(CaseStatus.Actioned);

        var result = await _disclosures.PublishAsync(w.P, [], w.CaseId, Disclosure("Local news network"));

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.True(result.CaseDisclosed);
        Assert.Equal(CaseStatus.Disclosed, (await _cases.GetAsync(w.A, w.CaseId))!.Status);
        Assert.Equal(["opened", "status-changed", "status-changed", "status-changed", SqlDisclosureStore.PublishedEvent, "status-changed"],
            (await _cases.TimelineAsync(w.A, w.CaseId)).Select(e => e.Kind));
        var read = await _disclosures.GetAsync(result.Disclosure!.Id);
        Assert.NotNull(read);
        Assert.Equal((w.CaseId, w.Platform.Id, "Local news network", "Example Marketing LLC"), (read.CaseId, read.OrgId, read.Title, read.Actor));
        Assert.Equal(new DisclosureCounts(2, 3, 1, 41_000, 1250.50m, "USD"), read.Counts);
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 10, 20)), (read.ActivityFrom, read.ActivityTo));
        Assert.Equal(["Polling places in Maricopa are closed tomorrow", "Vote by text: reply YES"], read.Samples);
        Assert.Equal((false, 2L), (read.IdentifiersPublic, read.DatasetAccounts));

        var published = Assert.Single(await _outbox.ReadAfterAsync(0, 100));
        Assert.Equal(HubEventKinds.DisclosurePublished, published.Kind);
        var payload = System.Text.Json.JsonSerializer.Deserialize<DisclosureEvent>(published.Payload)!;
        Assert.Empty(payload.ObjectIds);
        Assert.Equal(new DisclosureEvent(read.Id, w.CaseId, w.Platform.Id, 2, false, 0, read.PublishedAt), payload with { ObjectIds = [] });
        Assert.DoesNotContain("Local news network", published.Payload, StringComparison.Ordinal);

        var hasher = await _disclosures.HasherAsync();
        var anotherStore = await new SqlDisclosureStore(_x.Database).HasherAsync();
        Assert.Equal(hasher.Hash("exampleplatform", "1001"), anotherStore.Hash("exampleplatform", "1001"));
        Assert.NotEqual(hasher.Hash("exampleplatform", "1001"), hasher.Hash("otherplatform", "1001"));
        var accounts = await _disclosures.AccountsAsync(read.Id);
        Assert.Equal(
            [
                new DisclosedAccount("exampleplatform", hasher.Hash("exampleplatform", "1001"), hasher.Hash("exampleplatform", "LOCALNEWSAZ"), new DateOnly(2025, 12, 1), 40_000),
                new DisclosedAccount("exampleplatform", hasher.Hash("exampleplatform", "1002"), hasher.Hash("exampleplatform", "AZDAILY"), null, 1_000),
            ],
            accounts);
        Assert.All(accounts, a => Assert.Matches("^[0-9a-f]{64}$", a.AccountId));
        Assert.DoesNotContain(accounts, a => a.AccountId is "1001" or "1002" || a.Handle.Contains("news", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Identifiers_marked_public_are_kept_and_a_case_not_yet_actioned_keeps_its_status()
    {
        var w = await WorldAsync(CaseStatus.InProgress);

        var result = await _disclosures.PublishAsync(w.P, [], w.CaseId, Disclosure("Open dataset", identifiersPublic: true));

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.False(result.CaseDisclosed);
        Assert.Equal(CaseStatus.InProgress, (await _cases.GetAsync(w.A, w.CaseId))!.Status);
        Assert.Equal(["1001", "1002"], (await _disclosures.AccountsAsync(result.Disclosure!.Id)).Select(a => a.AccountId));
        Assert.Equal(["@LocalNewsAZ", "azdaily"], (await _disclosures.AccountsAsync(result.Disclosure.Id)).Select(a => a.Handle));
    }

    [Fact]
    public async Task Only_a_platform_party_may_publish_and_a_refusal_leaves_nothing_public()
    {
        var w = await WorldAsync(CaseStatus.Actioned);
        var outsider = await _x.ReaderAsync(await _x.OrgAsync("Other platform"));

        Assert.Equal(PublishOutcome.NotFound, (await _disclosures.PublishAsync(outsider, [], w.CaseId, Disclosure("x"))).Outcome);
        Assert.Equal(PublishOutcome.NotFound, (await _disclosures.PublishAsync(w.P, [], "case--" + Guid.NewGuid(), Disclosure("x"))).Outcome);
        Assert.Equal(PublishOutcome.NotFound, (await _disclosures.PublishAsync(Reader.Public, [], w.CaseId, Disclosure("x"))).Outcome);
        Assert.Equal(PublishOutcome.NotAPlatform, (await _disclosures.PublishAsync(w.A, [], w.CaseId, Disclosure("x"))).Outcome);

        Assert.Equal(0, (await _disclosures.ListAsync(new DisclosureQuery())).Total);
        Assert.Empty(await _outbox.ReadAfterAsync(0, 100));
        Assert.Equal(CaseStatus.Actioned, (await _cases.GetAsync(w.A, w.CaseId))!.Status);
    }

    [Fact]
    public async Task An_object_above_clear_is_refused_by_name_until_confirmed_and_is_then_published_marked_clear()
    {
        var w = await WorldAsync();
        var collection = await _x.CollectionAsync([w.Agency, w.Platform], defaultTlp: TlpLevel.Green);
        var amber = NewId("indicator");
        var clear = NewId("indicator");
        var hidden = NewId("indicator");
        await _x.PostOkAsync(w.Agency, collection, Indicator(amber, markings: [Tlp.AmberId], recipients: [Principal.Org(w.Platform.Id), Principal.Org(w.Agency.Id)]));
        await _x.PostOkAsync(w.Agency, collection, Indicator(clear, markings: [Tlp.ClearId]));
        await _x.PostOkAsync(w.Agency, collection, Indicator(hidden, markings: [Tlp.RedId]));
        var linked = Disclosure("With objects") with { ObjectIds = [clear, amber] };

        var refused = await _disclosures.PublishAsync(w.P, [collection.Id], w.CaseId, linked);
        Assert.Equal((PublishOutcome.NeedsClearConfirmation, amber, TlpLevel.Amber), (refused.Outcome, refused.ObjectId, refused.ObjectTlp));
        var unseen = await _disclosures.PublishAsync(w.P, [collection.Id], w.CaseId, linked with { ObjectIds = [hidden], ConfirmedClearObjectIds = [hidden] });
        Assert.Equal((PublishOutcome.ObjectNotVisible, hidden), (unseen.Outcome, unseen.ObjectId));
        Assert.Equal(0, (await _disclosures.ListAsync(new DisclosureQuery())).Total);

        var published = await _disclosures.PublishAsync(w.P, [collection.Id], w.CaseId, linked with { ConfirmedClearObjectIds = [amber] });

        Assert.Equal(PublishOutcome.Published, published.Outcome);
        var read = (await _disclosures.GetAsync(published.Disclosure!.Id))!;
        Assert.Equal(new[] { amber, clear }.Order(StringComparer.Ordinal), read.Objects.Select(o => o.ObjectId));
        var remarked = read.Objects.Single(o => o.ObjectId == amber);
        Assert.Equal((TlpLevel.Amber, "indicator"), (remarked.OriginalTlp, remarked.Type));
        var json = JsonNode.Parse(remarked.Json)!;
        Assert.Equal([Tlp.ClearId], json["object_marking_refs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(json["x_vigil_recipients"]);
        Assert.Equal(amber, json["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_index_finds_text_in_title_narrative_or_actor_case_insensitively_and_pages_newest_first()
    {
        var w = await WorldAsync();
        var clocked = new SqlDisclosureStore(_x.Database, new SteppingClock());
        var first = await clocked.PublishAsync(w.P, [], w.CaseId, Disclosure("Spring network", "Accounts run from a content farm"));
        var second = await clocked.PublishAsync(w.P, [], w.CaseId, Disclosure("Summer network", "Pages promoting 100% fake polls"));
        var third = await clocked.PublishAsync(w.P, [], w.CaseId, Disclosure("Autumn network", "Groups about ballot drop boxes"));

        var all = await _disclosures.ListAsync(new DisclosureQuery(Limit: 2));
        Assert.Equal(3, all.Total);
        Assert.Equal([third.Disclosure!.Id, second.Disclosure!.Id], all.Items.Select(d => d.Id));
        var rest = await _disclosures.ListAsync(new DisclosureQuery(Offset: 2, Limit: 2));
        Assert.Equal(3, rest.Total);
        Assert.Equal([first.Disclosure!.Id], rest.Items.Select(d => d.Id));
        Assert.Equal(2L, all.Items[0].DatasetAccounts);

        Assert.Equal([second.Disclosure.Id], (await _disclosures.ListAsync(new DisclosureQuery("100%"))).Items.Select(d => d.Id));
        Assert.Equal([third.Disclosure.Id], (await _disclosures.ListAsync(new DisclosureQuery("BALLOT drop"))).Items.Select(d => d.Id));
        Assert.Equal(3, (await _disclosures.ListAsync(new DisclosureQuery("example marketing"))).Total);
        Assert.Equal(0, (await _disclosures.ListAsync(new DisclosureQuery("_"))).Total);
        Assert.Null(await _disclosures.GetAsync("disclosure--" + Guid.NewGuid()));
    }

    /// <summary>A clock that moves one second each time it is read, so publications have distinct times.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddSeconds(1);
    }
}
