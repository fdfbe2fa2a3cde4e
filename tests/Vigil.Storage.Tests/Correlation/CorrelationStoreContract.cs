using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Correlation;

/// <summary>The correlation index and its policy-aware reads; run on SQLite and PostgreSQL by the subclasses.</summary>
public abstract class CorrelationStoreContract : IAsyncLifetime
{
    private static readonly string[] SameUrl =
    [
        "https://vote-count-example.com/results?utm_source=feed",
        "HTTPS://Vote-Count-Example.COM:443/results",
        "https://vote-count-example.com/results?fbclid=abc123",
    ];

    private static readonly TlpLevel[] Levels = [TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.Red];

    private readonly StixBuilder _stix = new();
    private CorrelationHarness _x = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync() => _x = await CorrelationHarness.OpenAsync(await StorageAsync());

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    [Fact]
    public async Task Shared_url_correlates_across_members_exactly_as_far_as_each_reader_may_see()
    {
        var gen = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 7], Gen.Int[0, 2], (author, tlp, recipients, form) => (author, tlp, recipients, form))
            .Array[1, 6];
        await gen.SampleAsync(CheckWorldAsync, iter: 12, threads: 1);
    }

    private async Task CheckWorldAsync((int Author, int Tlp, int Recipients, int Form)[] objects)
    {
        var orgs = new[] { await _x.Store.OrgAsync("A"), await _x.Store.OrgAsync("B"), await _x.Store.OrgAsync("C") };
        var collection = await _x.Store.CollectionAsync(orgs, orgs, publicRead: true, allMembersRead: true);
        var model = new List<(string Id, Audience Audience)>();
        foreach (var spec in objects)
        {
            var level = Levels[spec.Tlp];
            var recipients = Enumerable.Range(0, 3).Where(i => (spec.Recipients & (1 << i)) != 0).Select(i => orgs[i]).ToList();
            var indicator = CorrelationHarness.Marked(_stix.Indicator($"[url:value = '{SameUrl[spec.Form]}']", DateTimeOffset.UtcNow),
                level, level >= TlpLevel.Amber && recipients.Count > 0 ? recipients.Select(o => o.IdentityId) : null);
            var noise = _stix.Indicator("[url:value = 'https://elsewhere-example.com/other']", DateTimeOffset.UtcNow);
            await _x.PostOkAsync(orgs[spec.Author], collection, indicator, noise);
            IReadOnlyList<string> principals = level switch
            {
                TlpLevel.Clear or TlpLevel.Green => [],
                TlpLevel.Red => [.. recipients.Select(o => Principal.Org(o.Id))],
                _ => recipients.Count > 0 ? [.. recipients.Select(o => Principal.Org(o.Id))] : [Principal.Collection(collection.Id)],
            };
            model.Add((indicator["id"]!.GetValue<string>(), new Audience(level, orgs[spec.Author].Id, principals)));
        }

        var key = _x.Url(SameUrl[0]);
        var readers = new List<Reader> { Reader.Public };
        foreach (var org in orgs)
        {
            readers.Add(await _x.Store.ReaderAsync(org));
        }

        foreach (var reader in readers)
        {
            var expected = model.Where(m => AccessRules.CanSee(reader, m.Audience)).Select(m => m.Id).ToHashSet();
            var found = await _x.Correlation.FindAsync(key, reader, [collection.Id]);
            Assert.True(expected.SetEquals(found.Select(h => h.ObjectId)),
                $"reader {reader.OrgId ?? "public"}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", found.Select(h => h.ObjectId))}]");
            Assert.All(found, h => Assert.Equal(model.Single(m => m.Id == h.ObjectId).Audience.AuthorOrgId, h.AuthorOrgId));

            // The batch lookup (match answers) applies the same rule, per key.
            var many = await _x.Correlation.FindManyAsync([key.ToString(), "domain:nothing-shared.example"], 100, reader, [collection.Id]);
            Assert.Equal(expected.Count > 0 ? [key.ToString()] : Array.Empty<string>(), many.Keys);
            Assert.True(expected.SetEquals(many.GetValueOrDefault(key.ToString(), []).Select(h => h.ObjectId)), $"reader {reader.OrgId ?? "public"}: batch lookup differs");
        }
    }

    [Fact]
    public async Task Value_shared_by_two_orgs_shows_both_to_a_reader_who_sees_both_and_one_to_a_reader_who_sees_one()
    {
        var (a, b, c) = (await _x.Store.OrgAsync("A"), await _x.Store.OrgAsync("B"), await _x.Store.OrgAsync("C"));
        var collection = await _x.Store.CollectionAsync([a, b, c], [a, b, c]);
        var fromA = CorrelationHarness.Marked(_stix.Url(SameUrl[0]), TlpLevel.Green);
        var fromB = CorrelationHarness.Marked(_stix.Indicator($"[url:value = '{SameUrl[1]}']", DateTimeOffset.UtcNow), TlpLevel.Red, [a.IdentityId]);
        await _x.PostOkAsync(a, collection, fromA);
        await _x.PostOkAsync(b, collection, fromB);

        var key = _x.Url(SameUrl[2]);
        var seenByA = await _x.Correlation.FindAsync(key, await _x.Store.ReaderAsync(a), [collection.Id]);
        var seenByC = await _x.Correlation.FindAsync(key, await _x.Store.ReaderAsync(c), [collection.Id]);

        Assert.Equal(new[] { a.Id, b.Id }.Order(), seenByA.Select(h => h.AuthorOrgId).Order());
        var only = Assert.Single(seenByC);
        Assert.Equal(fromA["id"]!.GetValue<string>(), only.ObjectId);
        Assert.Equal("url", only.Type);
    }

    [Fact]
    public async Task Campaign_is_listed_only_for_readers_who_may_see_it_and_its_relationship()
    {
        var (a, b, c) = (await _x.Store.OrgAsync("A"), await _x.Store.OrgAsync("B"), await _x.Store.OrgAsync("C"));
        var collection = await _x.Store.CollectionAsync([a, b, c], [a, b, c]);
        var indicator = CorrelationHarness.Marked(_stix.Indicator($"[url:value = '{SameUrl[0]}']", DateTimeOffset.UtcNow), TlpLevel.Green);
        var campaign = CorrelationHarness.Marked(_stix.Campaign("Ballot rumour push"), TlpLevel.Red, [b.IdentityId]);
        var link = CorrelationHarness.Marked(_stix.Relationship(indicator, "indicates", campaign), TlpLevel.Green);
        await _x.PostOkAsync(a, collection, indicator, campaign, link);

        var key = _x.Url(SameUrl[0]);
        var forB = Assert.Single(await _x.Correlation.FindAsync(key, await _x.Store.ReaderAsync(b), [collection.Id]));
        var forC = Assert.Single(await _x.Correlation.FindAsync(key, await _x.Store.ReaderAsync(c), [collection.Id]));

        var listed = Assert.Single(forB.Campaigns);
        Assert.Equal((campaign["id"]!.GetValue<string>(), "campaign", "Ballot rumour push"), (listed.Id, listed.Type, listed.Name));
        Assert.Empty(forC.Campaigns);
    }

    [Fact]
    public async Task Sighting_aggregate_counts_only_the_sightings_the_reader_may_see()
    {
        var (a, b, c) = (await _x.Store.OrgAsync("A"), await _x.Store.OrgAsync("B"), await _x.Store.OrgAsync("C"));
        var collection = await _x.Store.CollectionAsync([a, b, c], [a, b, c]);
        var indicator = CorrelationHarness.Marked(_stix.Indicator($"[url:value = '{SameUrl[0]}']", DateTimeOffset.UtcNow), TlpLevel.Green);
        var id = indicator["id"]!.GetValue<string>();
        var t0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await _x.PostOkAsync(a, collection, indicator);
        await _x.PostOkAsync(b, collection,
            CorrelationHarness.Marked(_stix.Sighting(id, t0, t0.AddHours(1), count: 3), TlpLevel.Green),
            CorrelationHarness.Marked(_stix.Sighting(id, t0.AddDays(1), t0.AddDays(2), count: 2), TlpLevel.Green));
        await _x.PostOkAsync(c, collection, CorrelationHarness.Marked(_stix.Sighting(id, t0.AddDays(-1), t0.AddDays(5)), TlpLevel.Red));

        var forA = (await _x.Correlation.SightingsAsync([id], await _x.Store.ReaderAsync(a), [collection.Id]))[id];
        var forC = (await _x.Correlation.SightingsAsync([id], await _x.Store.ReaderAsync(c), [collection.Id]))[id];

        Assert.Equal((1, 5L, 2, t0.UtcDateTime, t0.AddDays(2).UtcDateTime), (forA.Members, forA.Count, forA.Sightings, forA.FirstSeen, forA.LastSeen));
        Assert.Equal((2, 6L, 3, t0.AddDays(-1).UtcDateTime, t0.AddDays(5).UtcDateTime), (forC.Members, forC.Count, forC.Sightings, forC.FirstSeen, forC.LastSeen));
        var hit = Assert.Single(await _x.Correlation.FindAsync(_x.Url(SameUrl[0]), await _x.Store.ReaderAsync(a), [collection.Id]));
        Assert.Equal(5, hit.Sightings.Count);
    }

    [Fact]
    public async Task Correlated_objects_are_grouped_by_shared_key_and_exclude_the_object_itself()
    {
        var (a, b, c) = (await _x.Store.OrgAsync("A"), await _x.Store.OrgAsync("B"), await _x.Store.OrgAsync("C"));
        var collection = await _x.Store.CollectionAsync([a, b, c], [a, b, c]);
        var mine = CorrelationHarness.Marked(_stix.Indicator($"[url:value = '{SameUrl[0]}']", DateTimeOffset.UtcNow), TlpLevel.Green);
        var sameUrl = CorrelationHarness.Marked(_stix.Url(SameUrl[1]), TlpLevel.Green);
        var sameDomain = CorrelationHarness.Marked(_stix.DomainName("vote-count-example.com"), TlpLevel.Red, [c.IdentityId]);
        await _x.PostOkAsync(a, collection, mine);
        await _x.PostOkAsync(b, collection, sameUrl);
        await _x.PostOkAsync(b, collection, sameDomain);

        var mineId = mine["id"]!.GetValue<string>();
        var forA = await _x.Correlation.GetCorrelatedAsync(mineId, await _x.Store.ReaderAsync(a), [collection.Id]);
        var forC = await _x.Correlation.GetCorrelatedAsync(mineId, await _x.Store.ReaderAsync(c), [collection.Id]);

        Assert.NotNull(forA);
        Assert.NotNull(forC);
        var urlGroup = Assert.Single(forA, g => g.Key == _x.Url(SameUrl[0]).ToString());
        Assert.Equal(sameUrl["id"]!.GetValue<string>(), Assert.Single(urlGroup.Objects).ObjectId);
        Assert.DoesNotContain(forA.SelectMany(g => g.Objects), h => h.ObjectId == mineId || h.ObjectId == sameDomain["id"]!.GetValue<string>());
        Assert.Contains(forC.SelectMany(g => g.Objects), h => h.ObjectId == sameDomain["id"]!.GetValue<string>());
        Assert.Null(await _x.Correlation.GetCorrelatedAsync("indicator--00000000-0000-4000-8000-000000000000", await _x.Store.ReaderAsync(a), [collection.Id]));
    }

    [Fact]
    public async Task Envelope_and_its_index_rows_commit_or_roll_back_together()
    {
        var a = await _x.Store.OrgAsync("A");
        var collection = await _x.Store.CollectionAsync([a], [a]);
        var failing = new Vigil.Storage.Objects.SqlObjectStore(_x.Store.Database, _x.Store.Members,
            indexers: [new Vigil.Storage.Correlation.CorrelationIndexer(_x.Store.Database, _x.Extractor), new FailingIndexer()]);
        var url = _stix.Url(SameUrl[0]);
        var write = new Vigil.Storage.Objects.EnvelopeWrite
        {
            Writer = await _x.Store.ReaderAsync(a),
            Collection = collection,
            Objects = [new(Vigil.Core.Stix.StixObject.FromJson(url), url.ToJsonString())],
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.AddEnvelopeAsync(write));

        var reader = await _x.Store.ReaderAsync(a);
        Assert.Empty((await _x.Store.Objects.QueryAsync(new() { Reader = reader, CollectionIds = [collection.Id] })).Items);
        Assert.Empty(await _x.Correlation.FindAsync(_x.Url(SameUrl[0]), reader, [collection.Id]));
        await _x.PostOkAsync(a, collection, url);
        Assert.Single(await _x.Correlation.FindAsync(_x.Url(SameUrl[0]), reader, [collection.Id]));
    }

    [Fact]
    public async Task Values_that_cannot_be_normalized_do_not_fail_the_write()
    {
        var a = await _x.Store.OrgAsync("A");
        var collection = await _x.Store.CollectionAsync([a], [a]);
        var broken = _stix.Indicator("[url:value = 'http://exa mple..com:99999/']", DateTimeOffset.UtcNow, description: "see http://[::1");
        var fine = _stix.Url(SameUrl[0]);

        await _x.PostOkAsync(a, collection, broken, fine);

        var reader = await _x.Store.ReaderAsync(a);
        Assert.Equal(2, (await _x.Store.Objects.QueryAsync(new() { Reader = reader, CollectionIds = [collection.Id] })).Items.Count);
        Assert.Single(await _x.Correlation.FindAsync(_x.Url(SameUrl[0]), reader, [collection.Id]));
    }
}
