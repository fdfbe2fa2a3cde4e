using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Server.Access;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Storage.Objects;

namespace Vigil.Server.Tests.Rest;

/// <summary>
/// Random members, groups, collections and markings: REST search (walked page by page) returns exactly the objects
/// <see cref="AccessRules"/> lets each reader see in the collections it may read, and never anything else.
/// </summary>
public sealed class RestSearchPolicyProperties(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private const int OrgCount = 4;

    private sealed record Planned(int Author, int Collection, TlpLevel Tlp, int[] Recipients);

    private static readonly Gen<Planned> PlannedObject =
        Gen.Select(Gen.Int[0, OrgCount - 1], Gen.Int[0, 1], Gen.Enum<TlpLevel>(), Gen.Int[0, 2 * OrgCount].Array[1, 3],
            (author, collection, tlp, recipients) => new Planned(author, collection, tlp, recipients));

    [Fact]
    public async Task Rest_search_returns_exactly_what_the_sharing_rule_allows()
    {
        var hub = fixture.Hub;
        await PlannedObject.Array[10, 30].SampleAsync(async plan =>
        {
            var members = new List<TestMember>();
            for (var i = 0; i < OrgCount; i++)
            {
                members.Add(await hub.CreateMemberAsync(i % 2 == 0 ? Sector.Platform : Sector.Government));
            }

            var group = await hub.CreateSharingGroupAsync(members[0].Organization, members[1].Organization);
            var open = await hub.CreateCollectionAsync(allMembersRead: true, allMembersWrite: true, publicRead: true);
            var closed = await hub.CreateCollectionAsync(writeOrgs: [.. members.Take(3).Select(m => m.Organization.Id)]);
            Collection[] collections = [open, closed];

            var readers = hub.Services.GetRequiredService<ReaderFactory>();
            var store = hub.Services.GetRequiredService<IObjectStore>();
            var expected = new List<(string Id, Audience Audience, Collection Collection)>();
            foreach (var planned in plan)
            {
                var author = members[planned.Author];
                var collection = collections[planned.Collection];
                if (!collection.CanWrite(new Reader { OrgId = author.Organization.Id, Principals = [] }))
                {
                    continue;
                }

                string[] recipients = planned.Tlp switch
                {
                    TlpLevel.Clear or TlpLevel.Green => [],
                    TlpLevel.Red => [.. planned.Recipients.Select(r => Principal.User(members[r % OrgCount].User.Id)).Distinct()],
                    _ => [.. planned.Recipients.Select(r => r == 2 * OrgCount ? Principal.Group(group.Id)
                        : r >= OrgCount ? Principal.User(members[r - OrgCount].User.Id) : Principal.Org(members[r].Organization.Id)).Distinct()],
                };
                var id = "note--" + Guid.NewGuid();
                var json = new JsonObject
                {
                    ["type"] = "note", ["spec_version"] = "2.1", ["id"] = id,
                    ["created"] = "2026-10-01T00:00:00.000Z", ["modified"] = "2026-10-01T00:00:00.000Z",
                    ["created_by_ref"] = author.Organization.IdentityId, ["content"] = "policy property", ["object_refs"] = new JsonArray(id),
                    ["object_marking_refs"] = new JsonArray(Tlp.IdOf(planned.Tlp)),
                };
                if (recipients.Length > 0)
                {
                    json[RecipientsProperty] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
                }

                var writer = (await readers.ForUserAsync(author.User, null, CancellationToken.None))!;
                var result = await store.AddEnvelopeAsync(new EnvelopeWrite
                {
                    Writer = writer.Reader, Collection = collection, Objects = [new ObjectSubmission(StixObject.FromJson(json), json.ToJsonString())],
                });
                Assert.True(result.Stored, string.Join("; ", result.Failures));
                expected.Add((id, new Audience(planned.Tlp, author.Organization.Id, recipients), collection));
            }

            Assert.NotEmpty(expected);
            var clients = members.Select(m => (Client: hub.BearerClient(m.ApiKey), Member: (TestMember?)m)).Append((hub.Client, null));
            foreach (var (client, member) in clients)
            {
                var caller = member is null ? null : await readers.ForUserAsync(member.User, null, CancellationToken.None);
                var reader = caller?.Reader ?? Reader.Public;
                var allowed = expected
                    .Where(e => (caller?.CanRead(e.Collection) ?? e.Collection.CanRead(Reader.Public)) && AccessRules.CanSee(reader, e.Audience))
                    .Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
                var ours = expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                var seen = (await SearchAllAsync(client)).Where(ours.Contains).Order(StringComparer.Ordinal).ToArray();
                Assert.Equal(allowed, seen);
            }
        }, iter: 4, threads: 1);
    }

    private const string RecipientsProperty = "x_vigil_recipients";

    private static async Task<List<string>> SearchAllAsync(HttpClient client)
    {
        var ids = new List<string>();
        string? next = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var query = "/api/rest/objects?type=note&limit=4" + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next));
            var page = await client.GetFromJsonAsync<JsonElement>(query);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("object").GetProperty("id").GetString()!);
            }

            if (!page.GetProperty("more").GetBoolean())
            {
                return ids;
            }

            next = page.GetProperty("next").GetString();
        }

        throw new InvalidOperationException("search did not end within 200 pages");
    }
}
