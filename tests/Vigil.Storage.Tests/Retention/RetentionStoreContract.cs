using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Storage.Alerts;
using Vigil.Storage.Cases;
using Vigil.Storage.Correlation;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;
using Vigil.Storage.Retention;
using Vigil.Storage.Tests.Objects;
using static Vigil.Storage.Tests.Objects.StixSamples;

namespace Vigil.Storage.Tests.Retention;

/// <summary>
/// Deletion and retention on SQLite and PostgreSQL: every deletion writes its data-deleted event and takes the version's
/// correlation rows with it; retention turns exactly the old personal-data objects into tombstones that pollers receive,
/// and erases closed cases' texts after the period, leaving everything else as it was.
/// </summary>
public abstract class RetentionStoreContract : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private StoreHarness _x = null!;
    private SqlEventOutbox _outbox = null!;
    private SqlObjectStore _objects = null!;
    private SqlRetentionStore _retention = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _x = await StoreHarness.OpenAsync(await StorageAsync());
        _outbox = new SqlEventOutbox(_x.Database, _clock);
        var extractor = new StixObservableExtractor(new ObservableNormalizer(PublicSuffixList.LoadDebian()));
        _objects = new SqlObjectStore(_x.Database, _x.Members, _clock, [new CorrelationIndexer(_x.Database, extractor)], _outbox);
        _retention = new SqlRetentionStore(_x.Database, _objects, _clock, _outbox);
    }

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    [Fact]
    public async Task An_author_deletion_writes_its_event_and_removes_the_correlation_rows()
    {
        var author = await _x.OrgAsync("Platform");
        var collection = await _x.CollectionAsync([author]);
        var id = NewId("indicator");
        await PostAsync(author, collection, Indicator(id, markings: [Tlp.GreenId]), Indicator(id, version: 1, markings: [Tlp.GreenId]));
        var seqs = (await ReadAsync(author, collection, VersionMatch.All)).Select(o => o.Seq).ToList();
        Assert.Equal(2, seqs.Count);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM correlation_keys"));

        var reader = await _x.ReaderAsync(author, "user-7");
        Assert.Equal(DeleteOutcome.Deleted, await _objects.DeleteAsync(reader, collection.Id, id, VersionMatch.All, "user:user-7"));

        Assert.Empty(await ReadAsync(author, collection, VersionMatch.All));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM correlation_keys"));
        var deletion = Assert.Single(await DeletionsAsync());
        Assert.Equal((id, DataDeletion.AuthorRequest, "user:user-7"), (deletion.SubjectId, deletion.Reason, deletion.DeletedBy));
        Assert.Equal(DeleteOutcome.NotFound, await _objects.DeleteAsync(reader, collection.Id, id, VersionMatch.All, "user:user-7"));
        Assert.Single(await DeletionsAsync());
    }

    [Fact]
    public async Task Retention_turns_exactly_the_old_personal_data_objects_into_tombstones_pollers_receive()
    {
        var author = await _x.OrgAsync("Platform");
        var reader = await _x.OrgAsync("Agency", Sector.Government);
        var collection = await _x.CollectionAsync([author], [reader]);
        var other = await _x.CollectionAsync([author], [reader]);
        var oldPersonal = Classed(NewId("indicator"), "private-message", "Messages of a named organizer");
        var oldDetected = Classed(NewId("note"), null, "Reach the organizer at organizer@example.org");
        var oldPublic = Classed(NewId("indicator"), "public-content", "A public post");
        var sameInOther = Classed(NewId("indicator"), "private-message", "Kept: the other collection has no rule");
        await PostAsync(author, collection, oldPersonal.Submission, oldDetected.Submission, oldPublic.Submission);
        var oldPersonalV2 = Classed(oldPersonal.Id, "private-message", "Messages of a named organizer, updated", version: 5);
        await PostAsync(author, collection, oldPersonalV2.Submission);
        await PostAsync(author, other, sameInOther.Submission);

        _clock.Advance(TimeSpan.FromDays(170));
        var recentPersonal = Classed(NewId("indicator"), "email-content", "An email body");
        await PostAsync(author, collection, recentPersonal.Submission);
        _clock.Advance(TimeSpan.FromDays(20));
        var rule = await _retention.SetAsync(collection.Id, 180, personalDataOnly: true, "user:admin");
        Assert.Equal(rule, await _retention.GetAsync(collection.Id));
        var before = await ReadAsync(author, collection, VersionMatch.All);
        var pollFrom = before.Max(o => o.Seq);
        var untouched = before.Where(o => o.Id != oldPersonal.Id && o.Id != oldDetected.Id).Select(o => (o.Seq, o.Json)).ToList();

        var expired = await _retention.ExpireObjectsAsync(rule);

        Assert.Equal(new[] { oldPersonal.Id, oldDetected.Id }.Order(StringComparer.Ordinal), expired.Order(StringComparer.Ordinal));
        var viewer = await _x.ReaderAsync(reader);
        var after = await ReadAsync(author, collection, VersionMatch.All);
        Assert.Equal(untouched, after.Where(o => !expired.Contains(o.Id)).Select(o => (o.Seq, o.Json)).ToList());
        foreach (var id in expired)
        {
            var tombstone = Assert.Single(after, o => o.Id == id);
            Assert.True(tombstone.Revoked);
            var json = JsonNode.Parse(tombstone.Json!)!.AsObject();
            Assert.True(json["revoked"]!.GetValue<bool>());
            Assert.Equal(id, json["id"]!.GetValue<string>());
            Assert.Null(json["name"]);
            Assert.Null(json["content"]);
            Assert.Null(json[Vigil.Core.Privacy.ContentClasses.Property]);
        }

        Assert.DoesNotContain(after, o => o.Json!.Contains("organizer", StringComparison.Ordinal));
        var polled = await _objects.QueryAsync(new ObjectQuery { Reader = viewer, CollectionIds = [collection.Id], AddedAfter = pollFrom });
        Assert.Equal(expired.Order(StringComparer.Ordinal), polled.Items.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.All(polled.Items, o => Assert.True(o.Revoked));
        Assert.Single(await ReadAsync(author, other, VersionMatch.All));
        Assert.Empty((await _objects.QueryAsync(new ObjectQuery { Reader = viewer, CollectionIds = [collection.Id], Text = "organizer" })).Items);

        var deletions = await DeletionsAsync();
        Assert.Equal(expired.Order(StringComparer.Ordinal), deletions.Select(d => d.SubjectId).Order(StringComparer.Ordinal));
        Assert.All(deletions, d => Assert.Equal((DataDeletion.Retention, DataDeletion.RetentionPolicy), (d.Reason, d.DeletedBy)));

        // A second sweep, even much later, finds nothing: tombstones do not expire again.
        _clock.Advance(TimeSpan.FromDays(400));
        var later = await _retention.ExpireObjectsAsync(rule);
        Assert.Equal([recentPersonal.Id], later);
        Assert.Equal(3, (await DeletionsAsync()).Count);
    }

    [Fact]
    public async Task A_rule_without_the_personal_data_filter_expires_every_old_object()
    {
        var author = await _x.OrgAsync("Platform");
        var collection = await _x.CollectionAsync([author]);
        var a = Classed(NewId("indicator"), "public-content", "A public post");
        var b = Classed(NewId("indicator"), null, "Nothing personal");
        await PostAsync(author, collection, a.Submission, b.Submission);
        _clock.Advance(TimeSpan.FromDays(31));

        var expired = await _retention.ExpireObjectsAsync(await _retention.SetAsync(collection.Id, 30, personalDataOnly: false, "key:k1"));

        Assert.Equal(2, expired.Count);
        Assert.All(await ReadAsync(author, collection, VersionMatch.All), o => Assert.True(o.Revoked));
        Assert.True(await _retention.RemoveAsync(collection.Id));
        Assert.Null(await _retention.GetAsync(collection.Id));
    }

    [Fact]
    public async Task Retention_erases_closed_case_texts_after_the_period_and_leaves_who_and_when()
    {
        var cases = new SqlCaseStore(_x.Database, _clock);
        var requests = new SqlRequestStore(_x.Database, _clock);
        var agency = await _x.OrgAsync("Agency", Sector.Government);
        var platform = await _x.OrgAsync("Platform");
        var a = await _x.ReaderAsync(agency, "ana");
        var p = await _x.ReaderAsync(platform, "pat");
        var closed = await cases.CreateAsync(a, Case("Closed long ago", platform));
        var open = await cases.CreateAsync(a, Case("Still open", platform));
        var recent = await cases.CreateAsync(a, Case("Closed recently", platform));
        foreach (var c in new[] { closed, open, recent })
        {
            await cases.CommentAsync(p, c.Id, "Account holder phone +1 555 0100 " + c.Title, TlpLevel.Amber);
        }

        var sent = await requests.SendAsync(a, [], new NewMemberRequest
        {
            Kind = RequestKind.ReviewAccounts,
            RecipientOrgIds = [platform.Id],
            Subject = "Review accounts",
            Body = "@named-person, @another",
            Tlp = TlpLevel.Amber,
            CaseId = closed.Id,
        });
        var request = sent.Request!;
        await requests.RespondAsync(p, request.Id, "Removed the accounts of @named-person", [new ResponseAction(ResponseActionKind.AccountsRemoved, 2)]);
        Assert.Equal(CaseChange.Done, await cases.ChangeStatusAsync(a, closed.Id, CaseStatus.Closed));
        _clock.Advance(TimeSpan.FromDays(150));
        Assert.Equal(CaseChange.Done, await cases.ChangeStatusAsync(a, recent.Id, CaseStatus.Closed));
        _clock.Advance(TimeSpan.FromDays(40));
        var openComments = await cases.CommentsAsync(a, open.Id);
        var recentComments = await cases.CommentsAsync(a, recent.Id);

        var erased = await _retention.EraseClosedCasesAsync(TimeSpan.FromDays(180));

        Assert.Equal([closed.Id], erased);
        var comment = Assert.Single(await cases.CommentsAsync(a, closed.Id));
        Assert.Equal((string.Empty, platform.Id, "pat"), (comment.Body, comment.OrgId, comment.UserId));
        var read = await requests.GetAsync(a, request.Id);
        Assert.Equal((string.Empty, "Review accounts", agency.Id), (read!.Body, read.Subject, read.FromOrg));
        var response = Assert.Single(await requests.ResponsesAsync(a, request.Id));
        Assert.Equal((string.Empty, platform.Id), (response.Note, response.OrgId));
        Assert.Equal([new ResponseAction(ResponseActionKind.AccountsRemoved, 2)], response.Actions);
        Assert.Equal("Closed long ago", (await cases.GetAsync(a, closed.Id))!.Title);
        Assert.Equal(openComments, await cases.CommentsAsync(a, open.Id));
        Assert.Equal(recentComments, await cases.CommentsAsync(a, recent.Id));
        var deletion = Assert.Single(await DeletionsAsync());
        Assert.Equal((closed.Id, DataDeletion.Retention, DataDeletion.RetentionPolicy), (deletion.SubjectId, deletion.Reason, deletion.DeletedBy));

        Assert.Empty(await _retention.EraseClosedCasesAsync(TimeSpan.FromDays(180)));
        Assert.Single(await DeletionsAsync());
    }

    private static NewCase Case(string title, params Organization[] parties) => new()
    {
        Title = title,
        Type = CaseType.CoordinatedNetwork,
        Severity = CaseSeverity.High,
        Summary = "Accounts posting the same rumour",
        Jurisdictions = [new Jurisdiction("US")],
        AffectedDates = [new DateOnly(2026, 11, 3)],
        PartyOrgIds = [.. parties.Select(p => p.Id)],
    };

    private static (string Id, ObjectSubmission Submission) Classed(string id, string? contentClass, string text, int version = 0)
    {
        var json = new JsonObject
        {
            ["type"] = id[..id.IndexOf("--", StringComparison.Ordinal)],
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = Timestamp(0),
            ["modified"] = Timestamp(version),
            ["object_marking_refs"] = new JsonArray(Tlp.AmberId),
        };
        if (json["type"]!.GetValue<string>() == "note")
        {
            json["content"] = text;
            json["object_refs"] = new JsonArray("identity--" + Guid.NewGuid());
        }
        else
        {
            json["name"] = text;
            json["pattern"] = "[domain-name:value = 'retention-" + id[^12..] + ".test']";
            json["pattern_type"] = "stix";
            json["valid_from"] = Timestamp(0);
        }

        if (contentClass is not null)
        {
            json[Vigil.Core.Privacy.ContentClasses.Property] = contentClass;
        }

        return (id, Submit(json));
    }

    private async Task PostAsync(Organization author, Collection collection, params ObjectSubmission[] objects)
    {
        var result = await _objects.AddEnvelopeAsync(new EnvelopeWrite { Writer = await _x.ReaderAsync(author), Collection = collection, Objects = objects });
        Assert.True(result.Stored, string.Join("; ", result.Failures.Select(f => f.Message)));
    }

    private async Task<List<StoredObject>> ReadAsync(Organization org, Collection collection, VersionMatch versions) =>
        [.. (await _objects.QueryAsync(new ObjectQuery { Reader = await _x.ReaderAsync(org), CollectionIds = [collection.Id], Versions = versions, Limit = 1000 })).Items];

    private async Task<List<DataDeletion>> DeletionsAsync() =>
        [.. (await _outbox.ReadAfterAsync(0, 10_000)).Where(e => e.Kind == HubEventKinds.DataDeleted).Select(e => JsonSerializer.Deserialize<DataDeletion>(e.Payload)!)];

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _x.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
