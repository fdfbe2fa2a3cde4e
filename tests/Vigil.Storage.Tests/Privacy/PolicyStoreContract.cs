using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Members;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Storage.Alerts;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;
using Vigil.Storage.Privacy;
using Vigil.Storage.Tests.Objects;
using static Vigil.Storage.Tests.Objects.StixSamples;

namespace Vigil.Storage.Tests.Privacy;

/// <summary>Policy versions, their events, and the policy applied to envelope writes, on SQLite and PostgreSQL.</summary>
public abstract class PolicyStoreContract : IAsyncLifetime
{
    private StoreHarness _x = null!;
    private SqlEventOutbox _outbox = null!;
    private SqlPolicyStore _policies = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _x = await StoreHarness.OpenAsync(await StorageAsync());
        _outbox = new SqlEventOutbox(_x.Database);
        _policies = new SqlPolicyStore(_x.Database, _outbox);
    }

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    private static DataPolicy Strict() => DataPolicy.Default with
    {
        Rules = [.. DataPolicy.Default.Rules.Select(r => r.ContentClass == ContentClasses.EmailContent ? r with { GovernmentLegalProcess = [LegalProcessTypes.Warrant] } : r)],
    };

    private static ObjectSubmission Classified(string contentClass, string[]? markings = null, string[]? recipients = null, JsonObject? legalProcess = null)
    {
        var json = JsonNode.Parse(Indicator(markings: markings, recipients: recipients).Json)!.AsObject();
        json[ContentClasses.Property] = contentClass;
        if (legalProcess is not null)
        {
            json[LegalProcessReference.Property] = legalProcess;
        }

        return Submit(json);
    }

    private static JsonObject Process(string type = "warrant") => new()
    {
        ["type"] = type, ["issuing_body"] = "District Court", ["number"] = "SW-" + Guid.NewGuid().ToString("N")[..6], ["date"] = "2026-10-02",
    };

    private async Task<EnvelopeResult> WriteAsync(Organization writer, Collection collection, ObjectSubmission submission, DataPolicy? policy = null) =>
        await _x.Objects.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = await _x.ReaderAsync(writer), Collection = collection, Objects = [submission], Policy = policy ?? DataPolicy.Default,
        });

    [Fact]
    public async Task Before_any_version_the_default_policy_is_in_force()
    {
        Assert.Same(DataPolicy.Default, await _policies.GetCurrentAsync());
        Assert.Empty(await _policies.ListVersionsAsync());
        Assert.Null(await _policies.GetVersionAsync(1));
    }

    [Fact]
    public async Task Every_published_version_is_kept_with_its_hash_and_event_and_the_newest_is_in_force()
    {
        var before = await _outbox.LastIdAsync();

        var first = await _policies.PublishAsync(DataPolicy.Default, "user:admin-1");
        var second = await _policies.PublishAsync(Strict(), "user:admin-2", basedOn: 1);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var current = await _policies.GetCurrentAsync();
        Assert.Equal(2, current.Version);
        Assert.Equal([LegalProcessTypes.Warrant], current.RuleFor(ContentClasses.EmailContent)!.GovernmentLegalProcess);
        var versions = await _policies.ListVersionsAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(["user:admin-1", "user:admin-2"], versions.Select(v => v.ChangedBy));
        Assert.All(versions, v => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(v.Document))), v.Sha256));
        Assert.Equal(DataPolicyDocument.ToJson(DataPolicy.Default).ToJsonString(), (await _policies.GetVersionAsync(1))!.Document);

        var events = (await _outbox.ReadAfterAsync(before, 10)).Where(e => e.Kind == HubEventKinds.PolicyChanged).ToList();
        Assert.Equal(
            [new PolicyPublished(1, first.Sha256, "user:admin-1"), new PolicyPublished(2, second.Sha256, "user:admin-2")],
            events.Select(e => JsonSerializer.Deserialize<PolicyPublished>(e.Payload)));
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_version_is_refused_and_stores_nothing()
    {
        await _policies.PublishAsync(DataPolicy.Default, "user:admin-1");
        var before = await _outbox.LastIdAsync();

        await Assert.ThrowsAsync<PolicyConflictException>(() => _policies.PublishAsync(Strict(), "user:admin-2", basedOn: 0));

        Assert.Single(await _policies.ListVersionsAsync());
        Assert.Empty(await _outbox.ReadAfterAsync(before, 10));
    }

    [Fact]
    public async Task Refusals_are_recorded_as_events()
    {
        var before = await _outbox.LastIdAsync();
        var refusal = new ShareRefusal("indicator--1", "org-1", "government", "private-message", "private-message/government", "objects[0].x_vigil_content_class", 0);

        await _policies.RecordRefusalsAsync([refusal]);

        var only = Assert.Single(await _outbox.ReadAfterAsync(before, 10));
        Assert.Equal((HubEventKinds.ShareRefused, refusal), (only.Kind, JsonSerializer.Deserialize<ShareRefusal>(only.Payload)));
    }

    [Fact]
    public async Task A_guarded_class_reaching_a_government_reader_is_refused_and_nothing_is_stored()
    {
        var platform = await _x.OrgAsync("Platform");
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var collection = await _x.CollectionAsync([platform], [agency]);
        var submission = Classified(ContentClasses.PrivateMessage, markings: [Tlp.GreenId]);

        var result = await WriteAsync(platform, collection, submission);

        var failure = Assert.Single(result.Failures);
        Assert.False(result.Stored);
        Assert.Equal(("private-message/government", "objects[0].x_vigil_content_class", Sector.Government),
            (failure.PolicyRefusal!.Rule, failure.PolicyRefusal.Field, failure.PolicyRefusal.TargetSector));
        Assert.Contains("private-message/government", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await _x.ReadAllAsync(await _x.ReaderAsync(platform), collection));
    }

    [Fact]
    public async Task A_guarded_class_goes_to_government_with_an_accepted_legal_process()
    {
        var platform = await _x.OrgAsync("Platform");
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var collection = await _x.CollectionAsync([platform], [agency]);

        var result = await WriteAsync(platform, collection, Classified(ContentClasses.EmailContent, markings: [Tlp.GreenId], legalProcess: Process()), Strict());
        var subpoena = await WriteAsync(platform, collection, Classified(ContentClasses.EmailContent, markings: [Tlp.GreenId], legalProcess: Process("subpoena")), Strict());

        Assert.True(result.Stored);
        Assert.Equal("objects[0].x_vigil_legal_process.type", Assert.Single(subpoena.Failures).PolicyRefusal!.Field);
    }

    [Fact]
    public async Task Named_recipients_decide_the_sectors_not_the_collection_readers()
    {
        var platform = await _x.OrgAsync("Platform");
        var research = await _x.OrgAsync("Research", Sector.Research);
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var collection = await _x.CollectionAsync([platform], [agency, research]);
        var group = await _x.Members.CreateSharingGroupAsync(new SharingGroup { Id = string.Empty, Name = "g " + Guid.NewGuid(), OrgIds = [research.Id, agency.Id] });

        var toResearch = await WriteAsync(platform, collection, Classified(ContentClasses.PrivateMessage, [Tlp.RedId], [Principal.Org(research.Id)]));
        var toGroup = await WriteAsync(platform, collection, Classified(ContentClasses.PrivateMessage, [Tlp.AmberId], [Principal.Group(group.Id)]));
        var toCollection = await WriteAsync(platform, collection, Classified(ContentClasses.PrivateMessage, [Tlp.AmberId]));

        Assert.True(toResearch.Stored);
        Assert.Equal(Sector.Government, Assert.Single(toGroup.Failures).PolicyRefusal!.TargetSector);
        Assert.Equal(Sector.Government, Assert.Single(toCollection.Failures).PolicyRefusal!.TargetSector);
    }

    [Fact]
    public async Task A_government_writer_keeps_its_own_data_and_public_classes_go_anywhere()
    {
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var other = await _x.OrgAsync("Other agency", Sector.Government);
        var own = await _x.CollectionAsync([agency]);
        var shared = await _x.CollectionAsync([platform], [other]);

        Assert.True((await WriteAsync(agency, own, Classified(ContentClasses.NonPublicAccountData, [Tlp.GreenId]))).Stored);
        Assert.True((await WriteAsync(platform, shared, Classified(ContentClasses.PublicAccountMetadata, [Tlp.GreenId]))).Stored);
    }

    [Fact]
    public async Task Bad_classes_and_legal_process_references_are_refused_naming_the_field_and_no_policy_skips_the_check()
    {
        var platform = await _x.OrgAsync("Platform");
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var collection = await _x.CollectionAsync([platform], [agency]);
        var badDate = Process();
        badDate["date"] = "yesterday";

        var unknown = await WriteAsync(platform, collection, Classified("diary", [Tlp.GreenId]));
        var badProcess = await WriteAsync(platform, collection, Classified(ContentClasses.PublicContent, [Tlp.GreenId], legalProcess: badDate));
        var unchecked_ = await _x.Objects.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = await _x.ReaderAsync(platform), Collection = collection, Objects = [Classified(ContentClasses.PrivateMessage, [Tlp.GreenId])],
        });

        Assert.Equal((ShareDecision.BadContentClassRule, "objects[0].x_vigil_content_class"),
            (Assert.Single(unknown.Failures).PolicyRefusal!.Rule, unknown.Failures[0].PolicyRefusal!.Field));
        Assert.Equal((ShareDecision.BadLegalProcessRule, "objects[0].x_vigil_legal_process.date"),
            (Assert.Single(badProcess.Failures).PolicyRefusal!.Rule, badProcess.Failures[0].PolicyRefusal!.Field));
        Assert.True(unchecked_.Stored);
    }
}
