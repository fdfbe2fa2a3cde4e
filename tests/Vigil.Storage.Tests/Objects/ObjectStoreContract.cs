using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;
using static Vigil.Storage.Tests.Objects.StixSamples;

namespace Vigil.Storage.Tests.Objects;

/// <summary>The object store's behaviour, run against SQLite and PostgreSQL by the concrete subclasses.</summary>
public abstract class ObjectStoreContract : IAsyncLifetime
{
    protected StoreHarness X { get; private set; } = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync() => X = await StoreHarness.OpenAsync(await StorageAsync());

    public virtual async Task DisposeAsync() => await X.DisposeAsync();

    [Fact]
    public async Task Stored_object_is_served_verbatim()
    {
        var org = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([org]);
        var indicator = Indicator(markings: [Tlp.GreenId]);
        await X.PostOkAsync(org, collection, indicator);

        var read = Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(org), collection));
        Assert.Equal(indicator.Json, read.Json);
        Assert.Equal(indicator.Object.Id, read.Id);
        Assert.Equal(TlpLevel.Green, read.Tlp);
        Assert.Equal(org.Id, read.AuthorOrgId);
    }

    [Fact]
    public async Task Concurrent_envelopes_are_all_stored_with_distinct_dates_in_commit_order()
    {
        var orgs = new[] { await X.OrgAsync("Platform A"), await X.OrgAsync("Platform B") };
        var collection = await X.CollectionAsync(orgs);
        var envelopes = Enumerable.Range(0, 8)
            .Select(e => Enumerable.Range(0, 40).Select(_ => Indicator(markings: [Tlp.GreenId])).ToArray())
            .ToList();

        var statuses = await Task.WhenAll(envelopes.Select((objects, e) => Task.Run(() => X.PostOkAsync(orgs[e % 2], collection, objects))));

        Assert.All(statuses, s => Assert.Equal(40, s.Successes.Count));
        var stored = await X.ReadAllAsync(await X.ReaderAsync(orgs[0]), collection, VersionMatch.All, pageSize: 37);
        Assert.Equal(envelopes.SelectMany(o => o).Select(o => o.Object.Id).Order(StringComparer.Ordinal),
            stored.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal(stored.Count, stored.Select(o => o.Seq).Distinct().Count());

        // Each envelope's versions are consecutive in date_added: one writer at a time, no interleaving.
        var envelopeOf = envelopes.SelectMany((objects, e) => objects.Select(o => (o.Object.Id, e))).ToDictionary(p => p.Id, p => p.e);
        var runs = stored.Select(o => envelopeOf[o.Id]).Aggregate(new List<int>(), (acc, e) =>
        {
            if (acc.Count == 0 || acc[^1] != e)
            {
                acc.Add(e);
            }

            return acc;
        });
        Assert.Equal(envelopes.Count, runs.Count);
    }

    [Fact]
    public async Task Every_version_is_kept_and_last_is_the_default()
    {
        var org = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([org]);
        var id = NewId("indicator");
        await X.PostOkAsync(org, collection, Indicator(id, 1), Indicator(id, 3));
        await X.PostOkAsync(org, collection, Indicator(id, 2));
        var reader = await X.ReaderAsync(org);

        Assert.Equal(Timestamp(3), Assert.Single(await X.ReadAllAsync(reader, collection)).Version);
        Assert.Equal(Timestamp(1), Assert.Single(await X.ReadAllAsync(reader, collection, new VersionMatch { Selectors = [VersionSelector.First] })).Version);
        Assert.Equal(3, (await X.ReadAllAsync(reader, collection, VersionMatch.All)).Count);
        var exact = await X.ReadAllAsync(reader, collection, new VersionMatch { VersionTicks = [BaseTime.AddMinutes(2).Ticks] });
        Assert.Equal(Timestamp(2), Assert.Single(exact).Version);
        var both = await X.ReadAllAsync(reader, collection, new VersionMatch { Selectors = [VersionSelector.First, VersionSelector.Last] });
        Assert.Equal([Timestamp(1), Timestamp(3)], both.Select(o => o.Version).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reposting_the_same_version_stores_it_once()
    {
        var org = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([org]);
        var indicator = Indicator();
        await X.PostOkAsync(org, collection, indicator);
        var again = await X.PostOkAsync(org, collection, indicator);

        Assert.Equal("already stored", Assert.Single(again.Successes).Message);
        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(org), collection, VersionMatch.All));
    }

    [Fact]
    public async Task Same_observable_shared_by_two_members_is_kept_for_each()
    {
        var first = await X.OrgAsync("Platform A");
        var second = await X.OrgAsync("Platform B");
        var outsider = await X.OrgAsync("Agency C");
        var collection = await X.CollectionAsync([first, second], [outsider]);
        JsonObject Url(string marking) => new()
        {
            ["type"] = "url",
            ["spec_version"] = "2.1",
            ["id"] = Core.Stix.Ids.ScoIds.Compute("url", new JsonObject { ["value"] = "https://vote-count-example.test/results" }),
            ["value"] = "https://vote-count-example.test/results",
            ["object_marking_refs"] = new JsonArray(marking),
        };

        await X.PostOkAsync(first, collection, StixSamples.Submit(Url(Tlp.RedId)));
        await X.PostOkAsync(second, collection, StixSamples.Submit(Url(Tlp.GreenId)));

        var all = await X.ReadAllAsync(await X.ReaderAsync(first), collection, VersionMatch.All);
        Assert.Equal(2, all.Count);
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), all.Select(o => o.AuthorOrgId).Order(StringComparer.Ordinal));
        var seenByOutsider = Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(outsider), collection, VersionMatch.All));
        Assert.Equal(second.Id, seenByOutsider.AuthorOrgId);
    }

    [Fact]
    public async Task Amber_object_without_recipients_is_seen_by_collection_readers_only()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var outsider = await X.OrgAsync("Platform C");
        var collection = await X.CollectionAsync([author], [member]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.AmberId]));

        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(member), collection));
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(outsider), collection));
        Assert.Empty(await X.ReadAllAsync(Reader.Public, collection));
    }

    [Fact]
    public async Task Amber_object_with_named_recipients_is_hidden_from_other_members()
    {
        var author = await X.OrgAsync("Platform A");
        var named = await X.OrgAsync("Agency B");
        var other = await X.OrgAsync("Platform C");
        var collection = await X.CollectionAsync([author], [named, other]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.AmberId], recipients: [named.IdentityId]));

        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(named), collection));
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(other), collection));
        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(author), collection));
    }

    [Fact]
    public async Task Amber_object_addressed_to_a_sharing_group_reaches_its_members()
    {
        var author = await X.OrgAsync("Platform A");
        var inGroup = await X.OrgAsync("Election office B", Core.Members.Sector.ElectionOffice);
        var notInGroup = await X.OrgAsync("Agency C", Core.Members.Sector.Government);
        var group = await X.Members.CreateSharingGroupAsync(new Core.Members.SharingGroup { Id = string.Empty, Name = "EO " + Guid.NewGuid(), OrgIds = [inGroup.Id] });
        var collection = await X.CollectionAsync([author], [inGroup, notInGroup]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.AmberStrictId], recipients: [Principal.Group(group.Id)]));

        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(inGroup), collection));
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(notInGroup), collection));
    }

    [Fact]
    public async Task Red_object_without_named_users_is_seen_by_its_author_only()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.RedId]));

        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(member), collection));
        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(author), collection));
    }

    [Fact]
    public async Task Red_object_for_a_named_user_is_hidden_from_the_rest_of_that_users_org()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.RedId], recipients: [Principal.User("analyst-7")]));

        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(member, "analyst-7"), collection));
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(member, "analyst-8"), collection));
    }

    [Fact]
    public async Task Green_object_is_seen_by_members_but_not_the_public()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member], publicRead: true);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.GreenId]), Indicator(markings: [Tlp.ClearId]));

        Assert.Equal(2, (await X.ReadAllAsync(await X.ReaderAsync(member), collection)).Count);
        Assert.Equal(TlpLevel.Clear, Assert.Single(await X.ReadAllAsync(Reader.Public, collection)).Tlp);
    }

    [Fact]
    public async Task Object_without_tlp_gets_the_collection_default()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author], defaultTlp: TlpLevel.Red);
        await X.PostOkAsync(author, collection, Indicator());

        Assert.Equal(TlpLevel.Red, Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(author), collection)).Tlp);
    }

    [Fact]
    public async Task Tlp_1_markings_map_onto_tlp_2()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author], defaultTlp: TlpLevel.Red);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.V1WhiteId]));

        Assert.Equal(TlpLevel.Clear, Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(author), collection)).Tlp);
    }

    [Fact]
    public async Task Revocation_reaches_every_reader_of_an_earlier_version()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        var id = NewId("indicator");
        await X.PostOkAsync(author, collection, Indicator(id, 1, markings: [Tlp.GreenId]));
        await X.PostOkAsync(author, collection, Indicator(id, 2, markings: [Tlp.RedId], revoked: true));

        var seen = Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(member), collection));
        Assert.True(seen.Revoked);
        Assert.Equal(Timestamp(2), seen.Version);
    }

    [Fact]
    public async Task Revoked_object_takes_no_newer_version()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var id = NewId("indicator");
        await X.PostOkAsync(author, collection, Indicator(id, 1, revoked: true));
        var result = await X.PostAsync(author, collection, Indicator(id, 2));

        Assert.Contains("revoked", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(author), collection, VersionMatch.All));
    }

    [Fact]
    public async Task Claiming_another_orgs_identity_refuses_the_whole_envelope()
    {
        var author = await X.OrgAsync("Platform A");
        var victim = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author]);
        var result = await X.PostAsync(author, collection, Indicator(), Indicator(createdByRef: victim.IdentityId));

        var failure = Assert.Single(result.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Contains("objects[1].created_by_ref", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(author), collection, VersionMatch.All));
    }

    [Fact]
    public async Task Own_and_third_party_identities_are_accepted_as_created_by_ref()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        await X.PostOkAsync(author, collection, Indicator(createdByRef: author.IdentityId), Indicator(createdByRef: NewId("identity")));

        Assert.Equal(2, (await X.ReadAllAsync(await X.ReaderAsync(author), collection)).Count);
    }

    [Fact]
    public async Task Another_org_may_not_add_a_version_to_an_object()
    {
        var author = await X.OrgAsync("Platform A");
        var other = await X.OrgAsync("Platform B");
        var collection = await X.CollectionAsync([author, other]);
        var id = NewId("indicator");
        await X.PostOkAsync(author, collection, Indicator(id, 1));
        var result = await X.PostAsync(other, collection, Indicator(id, 2));

        Assert.Contains("only its author may add versions", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amber_strict_object_may_not_be_reshared_into_another_collection()
    {
        var author = await X.OrgAsync("Platform A");
        var recipient = await X.OrgAsync("Agency B");
        var first = await X.CollectionAsync([author], [recipient]);
        var second = await X.CollectionAsync([recipient]);
        var strict = Indicator(createdByRef: author.IdentityId, markings: [Tlp.AmberStrictId]);
        await X.PostOkAsync(author, first, strict);

        var result = await X.PostAsync(recipient, second, strict);
        Assert.Contains("TLP:AMBER+STRICT", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(recipient), second, VersionMatch.All));
    }

    [Fact]
    public async Task Green_object_may_be_reshared_unchanged_but_not_altered()
    {
        var author = await X.OrgAsync("Platform A");
        var recipient = await X.OrgAsync("Agency B");
        var first = await X.CollectionAsync([author], [recipient]);
        var second = await X.CollectionAsync([recipient]);
        var green = Indicator(createdByRef: author.IdentityId, markings: [Tlp.GreenId]);
        await X.PostOkAsync(author, first, green);

        var altered = (System.Text.Json.Nodes.JsonObject)green.Object.Json.DeepClone();
        altered["name"] = "changed";
        Assert.Contains("differs", Assert.Single((await X.PostAsync(recipient, second, Submit(altered))).Failures).Message, StringComparison.Ordinal);

        await X.PostOkAsync(recipient, second, green);
        var copy = Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(recipient), second));
        Assert.Equal(author.Id, copy.AuthorOrgId);
    }

    [Fact]
    public async Task Duplicate_object_in_an_envelope_refuses_it_whole()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var indicator = Indicator();
        var result = await X.PostAsync(author, collection, Indicator(), indicator, indicator);

        Assert.Contains("duplicate", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
        Assert.Empty(await X.ReadAllAsync(await X.ReaderAsync(author), collection));
    }

    [Fact]
    public async Task Id_of_another_type_is_refused()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var result = await X.PostAsync(author, collection, Indicator(id: NewId("malware")));

        Assert.Contains("is not an identifier of type 'indicator'", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_recipient_identity_is_refused()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var result = await X.PostAsync(author, collection, Indicator(markings: [Tlp.AmberId], recipients: [NewId("identity")]));

        Assert.Contains("x_vigil_recipients[0]", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_walk_every_visible_object_once_in_date_added_order()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        var objects = Enumerable.Range(0, 25).Select(i => Indicator(markings: [i % 3 == 0 ? Tlp.RedId : Tlp.GreenId])).ToArray();
        await X.PostOkAsync(author, collection, objects[..10]);
        await X.PostOkAsync(author, collection, objects[10..]);

        var read = await X.ReadAllAsync(await X.ReaderAsync(member), collection, pageSize: 4);
        var expected = objects.Where((_, i) => i % 3 != 0).Select(o => o.Object.Id).ToList();
        Assert.Equal(expected, read.Select(o => o.Id).ToList());
        Assert.True(read.Zip(read.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
    }

    [Fact]
    public async Task Last_page_reports_no_more_and_hidden_rows_do_not_extend_it()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.GreenId]), Indicator(markings: [Tlp.GreenId]), Indicator(markings: [Tlp.RedId]));

        var page = await X.Objects.QueryAsync(new ObjectQuery { Reader = await X.ReaderAsync(member), CollectionIds = [collection.Id], Limit = 2 });
        Assert.Equal(2, page.Items.Count);
        Assert.False(page.More);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Added_after_returns_only_later_objects()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        await X.PostOkAsync(author, collection, Indicator(), Indicator());
        var reader = await X.ReaderAsync(author);
        var firstTwo = await X.ReadAllAsync(reader, collection);
        await X.PostOkAsync(author, collection, Indicator());

        var page = await X.Objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], AddedAfter = firstTwo[^1].Seq });
        Assert.Single(page.Items);
        Assert.True(page.Items[0].Seq > firstTwo[^1].Seq);
    }

    [Fact]
    public async Task Filters_by_id_type_and_spec_version()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var wanted = Indicator();
        var malware = Submit(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "malware", ["spec_version"] = "2.1", ["id"] = NewId("malware"), ["created"] = Timestamp(0), ["modified"] = Timestamp(0),
            ["name"] = "loader", ["is_family"] = false,
        });
        await X.PostOkAsync(author, collection, wanted, Indicator(), malware);
        var reader = await X.ReaderAsync(author);

        var byId = await X.Objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], Ids = [wanted.Object.Id] });
        Assert.Equal(wanted.Object.Id, Assert.Single(byId.Items).Id);
        var byType = await X.Objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], Types = ["malware"] });
        Assert.Equal("malware", Assert.Single(byType.Items).Type);
        var twoTypes = await X.Objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], Types = ["malware", "indicator"] });
        Assert.Equal(3, twoTypes.Items.Count);
        var spec20 = await X.Objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], SpecVersions = ["2.0"] });
        Assert.Empty(spec20.Items);
    }

    [Fact]
    public async Task Count_counts_only_visible_versions()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        await X.PostOkAsync(author, collection, Indicator(markings: [Tlp.GreenId]), Indicator(markings: [Tlp.RedId]), Indicator(markings: [Tlp.ClearId]));

        Assert.Equal(2, await X.Objects.CountAsync(new ObjectQuery { Reader = await X.ReaderAsync(member), CollectionIds = [collection.Id] }));
        Assert.Equal(3, await X.Objects.CountAsync(new ObjectQuery { Reader = await X.ReaderAsync(author), CollectionIds = [collection.Id] }));
    }

    [Fact]
    public async Task Text_search_finds_matching_visible_objects()
    {
        var author = await X.OrgAsync("Platform A");
        var member = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [member]);
        await X.PostOkAsync(author, collection, Indicator(name: "Ballot_Drop 100% fake", markings: [Tlp.GreenId]), Indicator(name: "ballot_drop secret", markings: [Tlp.RedId]));

        var page = await X.Objects.QueryAsync(new ObjectQuery { Reader = await X.ReaderAsync(member), CollectionIds = [collection.Id], Text = "ballot_drop 100%" });
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task Delete_removes_own_versions_and_the_previous_version_becomes_latest()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var id = NewId("indicator");
        await X.PostOkAsync(author, collection, Indicator(id, 1), Indicator(id, 2));
        var reader = await X.ReaderAsync(author);

        var outcome = await X.Objects.DeleteAsync(reader, collection.Id, id, new VersionMatch { VersionTicks = [BaseTime.AddMinutes(2).Ticks] });
        Assert.Equal(DeleteOutcome.Deleted, outcome);
        Assert.Equal(Timestamp(1), Assert.Single(await X.ReadAllAsync(reader, collection)).Version);
        Assert.Equal(DeleteOutcome.Deleted, await X.Objects.DeleteAsync(reader, collection.Id, id, VersionMatch.All));
        Assert.Equal(DeleteOutcome.NotFound, await X.Objects.DeleteAsync(reader, collection.Id, id, VersionMatch.All));
    }

    [Fact]
    public async Task Delete_of_another_orgs_object_is_forbidden_and_of_a_hidden_one_not_found()
    {
        var author = await X.OrgAsync("Platform A");
        var other = await X.OrgAsync("Platform B");
        var collection = await X.CollectionAsync([author, other]);
        var green = Indicator(markings: [Tlp.GreenId]);
        var red = Indicator(markings: [Tlp.RedId]);
        await X.PostOkAsync(author, collection, green, red);
        var reader = await X.ReaderAsync(other);

        Assert.Equal(DeleteOutcome.Forbidden, await X.Objects.DeleteAsync(reader, collection.Id, green.Object.Id, VersionMatch.All));
        Assert.Equal(DeleteOutcome.NotFound, await X.Objects.DeleteAsync(reader, collection.Id, red.Object.Id, VersionMatch.All));
        Assert.Equal(2, (await X.ReadAllAsync(await X.ReaderAsync(author), collection)).Count);
    }

    [Fact]
    public async Task Status_is_kept_and_shown_only_to_the_poster()
    {
        var author = await X.OrgAsync("Platform A");
        var other = await X.OrgAsync("Platform B");
        var collection = await X.CollectionAsync([author]);
        var status = await X.PostOkAsync(author, collection, Indicator(), Indicator());

        var stored = await X.Objects.GetStatusAsync(await X.ReaderAsync(author), status.Id);
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Successes.Count);
        Assert.Equal("complete", stored.Status);
        Assert.Null(await X.Objects.GetStatusAsync(await X.ReaderAsync(other), status.Id));
        Assert.Null(await X.Objects.GetStatusAsync(Reader.Public, status.Id));
    }

    [Fact]
    public async Task Objects_without_timestamps_are_versioned_by_date_added()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var domain = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "domain-name", ["spec_version"] = "2.1", ["id"] = NewId("domain-name"), ["value"] = "vote-count-example.test",
        };
        await X.PostOkAsync(author, collection, Submit(domain));
        await X.PostOkAsync(author, collection, Submit(domain));

        var all = await X.ReadAllAsync(await X.ReaderAsync(author), collection, VersionMatch.All);
        Assert.Equal(2, all.Count);
        Assert.Equal(all[1].DateAdded, all[1].Version);
        Assert.Single(await X.ReadAllAsync(await X.ReaderAsync(author), collection));
    }

    [Fact]
    public async Task Writer_without_write_access_is_refused()
    {
        var author = await X.OrgAsync("Platform A");
        var reader = await X.OrgAsync("Agency B");
        var collection = await X.CollectionAsync([author], [reader]);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => X.PostAsync(reader, collection, Indicator()));
    }

    [Fact]
    public async Task Foreign_next_token_is_rejected()
    {
        var author = await X.OrgAsync("Platform A");
        var collection = await X.CollectionAsync([author]);
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            X.Objects.QueryAsync(new ObjectQuery { Reader = Reader.Public, CollectionIds = [collection.Id], Next = "bm9wZQ" }));
        Assert.Contains("next", error.Message, StringComparison.Ordinal);
    }
}
