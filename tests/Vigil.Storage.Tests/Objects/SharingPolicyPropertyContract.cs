using CsCheck;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Tests.Objects;

/// <summary>
/// Property: over random orgs, groups, collections and markings, every read path returns exactly the versions
/// <see cref="AccessRules.CanSee"/> allows (nothing more, nothing less), and paging, counts and first/last dates
/// are computed over those versions only. Run on SQLite and PostgreSQL by the subclasses.
/// </summary>
public abstract class SharingPolicyPropertyContract : IAsyncLifetime
{
    private static readonly TlpLevel?[] Levels = [TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red, null];

    private StoreHarness _x = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    protected virtual int Iterations => 30;

    public async Task InitializeAsync() => _x = await StoreHarness.OpenAsync(await StorageAsync());

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    [Fact]
    public async Task No_read_path_returns_more_or_less_than_the_access_rules_allow()
    {
        await PolicyScenario.Gen.SampleAsync(CheckScenarioAsync, iter: Iterations, threads: 1);
    }

    private async Task CheckScenarioAsync(PolicyScenario scenario)
    {
        var orgs = new List<Organization>();
        for (var i = 0; i < scenario.Orgs; i++)
        {
            orgs.Add(await _x.OrgAsync("Org" + i));
        }

        var groups = new List<SharingGroup>();
        foreach (var mask in scenario.GroupMasks)
        {
            groups.Add(await _x.Members.CreateSharingGroupAsync(new SharingGroup
            {
                Id = string.Empty, Name = "Group " + Guid.NewGuid().ToString("N"), OrgIds = [.. Pick(orgs, mask).Select(o => o.Id)],
            }));
        }

        var collections = new List<Collection>();
        foreach (var spec in scenario.Collections)
        {
            var writers = Pick(orgs, spec.WriteMask);
            collections.Add(await _x.Members.CreateCollectionAsync(new Collection
            {
                Id = string.Empty,
                ApiRoot = StoreHarness.ApiRoot,
                Title = "C " + Guid.NewGuid().ToString("N"),
                WriteOrgIds = [.. (writers.Count > 0 ? writers : [orgs[0]]).Select(o => o.Id)],
                ReadOrgIds = [.. Pick(orgs, spec.ReadMask).Select(o => o.Id)],
                DefaultTlp = (TlpLevel)spec.DefaultTlp,
                PublicRead = spec.PublicRead,
                AllMembersRead = spec.AllMembersRead,
            }));
        }

        var model = new List<ModelRow>();
        foreach (var spec in scenario.Objects)
        {
            await PostObjectAsync(spec, orgs, groups, collections, model);
        }

        var readers = new List<Reader> { Reader.Public };
        for (var i = 0; i < orgs.Count; i++)
        {
            readers.Add(await _x.ReaderAsync(orgs[i], "u" + (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var reader in readers)
        {
            foreach (var collection in collections)
            {
                if (collection.CanRead(reader))
                {
                    await CheckReaderAsync(reader, collection, model, scenario.PageSize);
                }
            }
        }
    }

    private async Task PostObjectAsync(ObjectSpec spec, List<Organization> orgs, List<SharingGroup> groups, List<Collection> collections, List<ModelRow> model)
    {
        var collection = collections[spec.Collection % collections.Count];
        var writers = orgs.Where(o => collection.WriteOrgIds.Contains(o.Id)).ToList();
        var author = writers[spec.Author % writers.Count];
        var recipients = new List<string>();
        var principals = new List<string>();
        for (var bit = 0; bit < 9; bit++)
        {
            if ((spec.RecipientMask & (1 << bit)) == 0)
            {
                continue;
            }

            if (bit < orgs.Count)
            {
                recipients.Add(orgs[bit].IdentityId);
                principals.Add(Principal.Org(orgs[bit].Id));
            }
            else if (bit - 4 is var g && g >= 0 && g < groups.Count)
            {
                recipients.Add(Principal.Group(groups[g].Id));
                principals.Add(Principal.Group(groups[g].Id));
            }
            else if (bit is 6 or 7)
            {
                recipients.Add(Principal.User("u" + (bit - 6).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                principals.Add(recipients[^1]);
            }
            else if (bit == 8)
            {
                recipients.Add(Principal.Collection(collection.Id));
                principals.Add(recipients[^1]);
            }
        }

        var id = StixSamples.NewId("indicator");
        var submissions = new List<ObjectSubmission>();
        var rows = new List<ModelRow>();
        for (var v = 0; v < spec.Versions; v++)
        {
            var level = Levels[v == 0 ? spec.Tlp : spec.VersionTlps[v - 1]];
            var revoked = spec.RevokeLast && v == spec.Versions - 1;
            submissions.Add(StixSamples.Indicator(id, v, markings: level is { } l ? [Tlp.IdOf(l)] : null,
                recipients: recipients.Count > 0 ? [.. recipients] : null, revoked: revoked));
            var tlp = level ?? collection.DefaultTlp;
            var audience = tlp switch
            {
                TlpLevel.Clear or TlpLevel.Green => [],
                TlpLevel.Red => principals.Distinct().ToList(),
                _ => principals.Count > 0 ? principals.Distinct().ToList() : [Principal.Collection(collection.Id)],
            };
            if (revoked)
            {
                // A revocation reaches everyone who could see an earlier version.
                foreach (var earlier in rows)
                {
                    tlp = earlier.Tlp < tlp ? earlier.Tlp : tlp;
                    audience = [.. audience.Union(earlier.Principals)];
                }

                audience = tlp <= TlpLevel.Green ? [] : audience;
            }

            rows.Add(new ModelRow(collection.Id, id, StixSamples.BaseTime.AddMinutes(v).Ticks, tlp, author.Id, audience));
        }

        await _x.PostOkAsync(author, collection, [.. submissions]);
        model.AddRange(rows);
    }

    private async Task CheckReaderAsync(Reader reader, Collection collection, List<ModelRow> model, int pageSize)
    {
        var inCollection = model.Where(r => r.CollectionId == collection.Id).ToList();
        var visible = inCollection.Where(r => AccessRules.CanSee(reader, new Audience(r.Tlp, r.AuthorOrgId, r.Principals))).ToList();
        var who = $"reader {reader.OrgId ?? "public"} in {collection.Id}";

        // Objects endpoint, every version, page by page: exactly the visible versions, in date_added order.
        var all = await ReadPagedAsync(reader, collection, VersionMatch.All, pageSize, includeJson: true);
        Assert.True(Keys(visible).SetEquals(Keys(all)), $"{who}: all versions differ from the rule");
        Assert.Equal(all.Count, Keys(all).Count);

        // Last and first: per object, the newest/oldest version the reader may see.
        var last = visible.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.Ticks)!).ToList();
        var first = visible.GroupBy(r => r.Id).Select(g => g.MinBy(r => r.Ticks)!).ToList();
        Assert.True(Keys(last).SetEquals(Keys(await ReadPagedAsync(reader, collection, VersionMatch.Last, pageSize, true))), $"{who}: last differs");
        Assert.True(Keys(first).SetEquals(Keys(await ReadPagedAsync(reader, collection,
            new VersionMatch { Selectors = [VersionSelector.First] }, pageSize, true))), $"{who}: first differs");

        // Manifest (no JSON) is the same query.
        var manifest = await ReadPagedAsync(reader, collection, VersionMatch.Last, pageSize, includeJson: false);
        Assert.True(Keys(last).SetEquals(Keys(manifest)), $"{who}: manifest differs");
        Assert.All(manifest, m => Assert.Null(m.Json));

        // Counts are over visible rows only.
        Assert.Equal(visible.Count, await _x.Objects.CountAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], Versions = VersionMatch.All }));
        Assert.Equal(last.Count, await _x.Objects.CountAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id] }));

        // A capped count is exact up to the cap and one more above it; the newest-first read is the visible tail, reversed.
        Assert.Equal(Math.Min(visible.Count, 4), await _x.Objects.CountAsync(new ObjectQuery
        {
            Reader = reader, CollectionIds = [collection.Id], Versions = VersionMatch.All, CountAtMost = 3,
        }));
        var newest = await _x.Objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = [collection.Id], Versions = VersionMatch.All, NewestFirst = true, Limit = 5 });
        Assert.Equal(all.OrderByDescending(r => r.Seq).Take(5).Select(r => r.Seq), newest.Items.Select(r => r.Seq));
        Assert.Null(newest.Next);

        // Object by id and its versions, for every id in the collection, visible or not.
        foreach (var id in inCollection.Select(r => r.Id).Distinct())
        {
            var byId = await _x.Objects.QueryAsync(new ObjectQuery
            {
                Reader = reader, CollectionIds = [collection.Id], Ids = [id], Versions = VersionMatch.All, IncludeJson = false,
            });
            Assert.True(Keys(visible.Where(r => r.Id == id)).SetEquals(Keys(byId.Items)), $"{who}: versions of {id} differ");
            Assert.False(byId.More);
        }

        // Search (text + type) sees the same rows.
        var search = await _x.Objects.QueryAsync(new ObjectQuery
        {
            Reader = reader, CollectionIds = [collection.Id], Text = "lookalike", Types = ["indicator"], Limit = 10_000,
        });
        Assert.True(Keys(last).SetEquals(Keys(search.Items)), $"{who}: search differs");
    }

    private async Task<List<StoredObject>> ReadPagedAsync(Reader reader, Collection collection, VersionMatch versions, int pageSize, bool includeJson)
    {
        var items = new List<StoredObject>();
        string? next = null;
        while (true)
        {
            var query = new ObjectQuery
            {
                Reader = reader, CollectionIds = [collection.Id], Versions = versions, Limit = pageSize, Next = next, IncludeJson = includeJson,
            };
            var page = await _x.Objects.QueryAsync(query);
            Assert.True(page.Items.Count <= pageSize);
            if (includeJson)
            {
                // The raw path (TAXII objects) is the same page as stored UTF-8 text.
                var raw = await _x.Objects.QueryRawAsync(query);
                Assert.Equal(page.Items.Select(i => i.Seq), raw.Items.Select(i => i.Seq));
                Assert.Equal(page.Items.Select(i => i.Json), raw.Items.Select(i => System.Text.Encoding.UTF8.GetString(i.Utf8Json)));
                Assert.Equal((page.More, page.Next, page.DateAddedFirst, page.DateAddedLast), (raw.More, raw.Next, raw.DateAddedFirst, raw.DateAddedLast));
            }

            if (page.Items.Count > 0)
            {
                Assert.Equal(page.Items[^1].DateAdded, page.DateAddedLast);
                Assert.Equal(page.Items[0].DateAdded, page.DateAddedFirst);
            }

            if (items.Count > 0 && page.Items.Count > 0)
            {
                Assert.True(page.Items[0].Seq > items[^1].Seq);
            }

            items.AddRange(page.Items);
            if (!page.More)
            {
                Assert.Null(page.Next);
                return items;
            }

            // "more" may only be true when a further visible row exists.
            Assert.Equal(pageSize, page.Items.Count);
            next = page.Next;
        }
    }

    private static HashSet<(string, long)> Keys(IEnumerable<ModelRow> rows) => [.. rows.Select(r => (r.Id, r.Ticks))];

    private static HashSet<(string, long)> Keys(IEnumerable<StoredObject> rows) =>
        [.. rows.Select(r => (r.Id, Core.Stix.StixTimestamp.Parse(r.Version).Utc.Ticks))];

    private static List<Organization> Pick(List<Organization> orgs, int mask) => [.. orgs.Where((_, i) => (mask & (1 << i)) != 0)];

    private sealed record ModelRow(string CollectionId, string Id, long Ticks, TlpLevel Tlp, string AuthorOrgId, List<string> Principals);
}
