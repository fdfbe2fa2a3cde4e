using System.Net;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Taxii.StixFixtures;
using static Vigil.Server.Tests.Taxii.TaxiiClient;

namespace Vigil.Server.Tests.Taxii;

/// <summary>The TAXII 2.1 endpoints end to end; run on SQLite and PostgreSQL by the subclasses.</summary>
public abstract class TaxiiServerContract
{
    protected abstract TestHub Hub { get; }

    [Fact]
    public async Task Discovery_names_the_default_api_root_without_sign_in()
    {
        using var response = await GetAsync(Hub.Client, "/taxii2/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTaxiiContentType(response);
        var body = await JsonAsync(response);
        Assert.Equal("/taxii2/vigil/", (string?)body["default"]);
        Assert.Contains("/taxii2/vigil/", body["api_roots"]!.AsArray().Select(n => (string?)n));
        Assert.False(string.IsNullOrEmpty((string?)body["title"]));
    }

    [Fact]
    public async Task Api_root_reports_taxii_2_1_and_its_content_limit()
    {
        using var response = await GetAsync(Hub.Client, "/taxii2/vigil/");
        var body = await JsonAsync(response);
        Assert.Equal(MediaType, (string?)body["versions"]![0]);
        Assert.True((long)body["max_content_length"]! > 0);
        using var missing = await GetAsync(Hub.Client, "/taxii2/no-such-root/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Collections_list_shows_only_collections_the_member_may_use()
    {
        var member = await Hub.CreateMemberAsync();
        var mine = await Hub.CreateCollectionAsync(readOrgs: [member.Organization.Id]);
        var other = await Hub.CreateCollectionAsync(writeOrgs: [(await Hub.CreateOrganizationAsync()).Id]);
        using var client = Hub.BearerClient(member.ApiKey);

        using var response = await GetAsync(client, "/taxii2/vigil/collections/");
        var ids = (await JsonAsync(response))["collections"]!.AsArray().Select(c => (string?)c!["id"]).ToList();
        Assert.Contains(mine.Id, ids);
        Assert.DoesNotContain(other.Id, ids);

        using var one = await GetAsync(client, CollectionUrl(mine.Id));
        var collection = await JsonAsync(one);
        Assert.True((bool)collection["can_read"]!);
        Assert.False((bool)collection["can_write"]!);
    }

    [Fact]
    public async Task Posted_envelope_is_stored_and_served_verbatim_with_date_added_headers()
    {
        var (member, collection) = await WriterAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        var indicator = Indicator(marking: Tlp.GreenId);

        using var post = await PostAsync(client, collection.Id, indicator, Malware());
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        AssertTaxiiContentType(post);
        var status = await JsonAsync(post);
        Assert.Equal("complete", (string?)status["status"]);
        Assert.Equal(2, (int)status["success_count"]!);
        Assert.Equal(2, (int)status["total_count"]!);

        using var get = await GetAsync(client, CollectionUrl(collection.Id) + "objects/?match[type]=indicator");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        AssertTaxiiContentType(get);
        Assert.True(get.Headers.Contains("X-TAXII-Date-Added-First"));
        Assert.True(get.Headers.Contains("X-TAXII-Date-Added-Last"));
        var text = await get.Content.ReadAsStringAsync();
        Assert.Contains(JsonNode.Parse(indicator.ToJsonString())!.ToJsonString(), text, StringComparison.Ordinal);
        var envelope = (JsonObject)JsonNode.Parse(text)!;
        Assert.False((bool)envelope["more"]!);
        Assert.Single(envelope["objects"]!.AsArray());
    }

    [Fact]
    public async Task Status_is_kept_for_the_poster_at_the_url_taxii2_client_builds()
    {
        var (member, collection) = await WriterAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        using var post = await PostAsync(client, collection.Id, Indicator());
        var id = (string?)(await JsonAsync(post))["id"];

        using var withSlash = await GetAsync(client, $"/taxii2/vigil/status/{id}/");
        Assert.Equal(HttpStatusCode.OK, withSlash.StatusCode);
        Assert.Equal(1, (int)(await JsonAsync(withSlash))["success_count"]!);
        using var withoutSlash = await GetAsync(client, $"/taxii2/vigil/status/{id}");
        Assert.Equal(HttpStatusCode.OK, withoutSlash.StatusCode);

        var stranger = await Hub.CreateMemberAsync();
        using var strangerClient = Hub.BearerClient(stranger.ApiKey);
        using var hidden = await GetAsync(strangerClient, $"/taxii2/vigil/status/{id}/");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Limit_and_next_page_through_every_object_once()
    {
        var (member, collection) = await WriterAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        var posted = Enumerable.Range(0, 7).Select(_ => Indicator()).ToArray();
        using (await PostAsync(client, collection.Id, posted))
        {
        }

        var seen = new List<string>();
        var url = CollectionUrl(collection.Id) + "objects/?limit=3";
        string? next = null;
        do
        {
            using var page = await GetAsync(client, next is null ? url : url + "&next=" + Uri.EscapeDataString(next));
            var body = await JsonAsync(page);
            seen.AddRange(body["objects"]!.AsArray().Select(o => (string)o!["id"]!));
            next = (bool)body["more"]! ? (string?)body["next"] : null;
        }
        while (next is not null);

        Assert.Equal(posted.Select(o => (string)o["id"]!), seen);
    }

    [Fact]
    public async Task Added_after_returns_only_later_objects()
    {
        var (member, collection) = await WriterAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        using (await PostAsync(client, collection.Id, Indicator()))
        {
        }

        using var first = await GetAsync(client, CollectionUrl(collection.Id) + "objects/");
        var last = first.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        var later = Indicator();
        using (await PostAsync(client, collection.Id, later))
        {
        }

        using var response = await GetAsync(client, CollectionUrl(collection.Id) + "objects/?added_after=" + last);
        var objects = (await JsonAsync(response))["objects"]!.AsArray();
        Assert.Equal((string?)later["id"], (string?)Assert.Single(objects)!["id"]);
    }

    [Fact]
    public async Task Object_by_id_versions_and_manifest_follow_match_version()
    {
        var (member, collection) = await WriterAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        var id = "indicator--" + Guid.NewGuid();
        using (await PostAsync(client, collection.Id, Indicator(id, 1), Indicator(id, 2), Indicator(id, 3)))
        {
        }

        var objectUrl = CollectionUrl(collection.Id) + $"objects/{id}/";
        using var latest = await GetAsync(client, objectUrl);
        Assert.Equal(Timestamp(3), (string?)Assert.Single((await JsonAsync(latest))["objects"]!.AsArray())!["modified"]);
        using var all = await GetAsync(client, objectUrl + "?match[version]=all");
        Assert.Equal(3, (await JsonAsync(all))["objects"]!.AsArray().Count);
        using var firstAndLast = await GetAsync(client, objectUrl + "?match[version]=first,last");
        Assert.Equal(2, (await JsonAsync(firstAndLast))["objects"]!.AsArray().Count);
        using var exact = await GetAsync(client, objectUrl + "?match[version]=" + Timestamp(2));
        Assert.Equal(Timestamp(2), (string?)Assert.Single((await JsonAsync(exact))["objects"]!.AsArray())!["modified"]);

        using var versions = await GetAsync(client, objectUrl + "versions/");
        Assert.Equal([Timestamp(1), Timestamp(2), Timestamp(3)], (await JsonAsync(versions))["versions"]!.AsArray().Select(v => (string)v!));

        using var manifest = await GetAsync(client, CollectionUrl(collection.Id) + "manifest/");
        var entry = Assert.Single((await JsonAsync(manifest))["objects"]!.AsArray())!;
        Assert.Equal(id, (string?)entry["id"]);
        Assert.Equal(Timestamp(3), (string?)entry["version"]);
        Assert.Equal("application/stix+json;version=2.1", (string?)entry["media_type"]);
        Assert.NotNull((string?)entry["date_added"]);
    }

    [Fact]
    public async Task Delete_removes_an_object_and_then_it_is_not_found()
    {
        var (member, collection) = await WriterAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        var indicator = Indicator();
        using (await PostAsync(client, collection.Id, indicator))
        {
        }

        var url = CollectionUrl(collection.Id) + $"objects/{indicator["id"]}/";
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("Accept", MediaType);
        using var delete = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        using var gone = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("404", (string?)(await JsonAsync(gone))["http_status"]);
    }

    [Fact]
    public async Task Amber_object_for_named_recipients_is_hidden_from_other_readers_over_taxii()
    {
        var author = await Hub.CreateMemberAsync();
        var named = await Hub.CreateMemberAsync(Core.Members.Sector.ElectionOffice);
        var other = await Hub.CreateMemberAsync(Core.Members.Sector.Government);
        var collection = await Hub.CreateCollectionAsync(readOrgs: [named.Organization.Id, other.Organization.Id], writeOrgs: [author.Organization.Id]);
        using var authorClient = Hub.BearerClient(author.ApiKey);
        var amber = Indicator(marking: Tlp.AmberId, recipients: [named.Organization.IdentityId]);
        using (var post = await PostAsync(authorClient, collection.Id, amber))
        {
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        }

        using var namedClient = Hub.BasicClient(named.User.UserName, named.Password);
        using var seen = await GetAsync(namedClient, CollectionUrl(collection.Id) + "objects/");
        Assert.Single((await JsonAsync(seen))["objects"]!.AsArray());

        using var otherClient = Hub.BasicClient("any", other.ApiKey);
        using var hidden = await GetAsync(otherClient, CollectionUrl(collection.Id) + "objects/");
        Assert.Empty((await JsonAsync(hidden))["objects"]!.AsArray());
        Assert.False(hidden.Headers.Contains("X-TAXII-Date-Added-Last"));
        using var byId = await GetAsync(otherClient, CollectionUrl(collection.Id) + $"objects/{amber["id"]}/");
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
    }

    [Fact]
    public async Task Public_reader_sees_only_clear_objects_of_a_public_collection()
    {
        var (member, collection) = await WriterAsync(publicRead: true);
        using var client = Hub.BearerClient(member.ApiKey);
        var clear = Indicator(marking: Tlp.ClearId);
        using (await PostAsync(client, collection.Id, clear, Indicator(marking: Tlp.GreenId)))
        {
        }

        using var response = await GetAsync(Hub.Client, CollectionUrl(collection.Id) + "objects/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((string?)clear["id"], (string?)Assert.Single((await JsonAsync(response))["objects"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task Anonymous_reader_gets_401_with_a_challenge_on_a_private_collection()
    {
        var (_, collection) = await WriterAsync();
        using var response = await GetAsync(Hub.Client, CollectionUrl(collection.Id) + "objects/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        AssertTaxiiContentType(response);
        Assert.Equal("401", (string?)(await JsonAsync(response))["http_status"]);
    }

    [Fact]
    public async Task Member_without_access_gets_403_and_unknown_collection_404()
    {
        var (_, collection) = await WriterAsync();
        var outsider = await Hub.CreateMemberAsync();
        using var client = Hub.BearerClient(outsider.ApiKey);

        using var read = await GetAsync(client, CollectionUrl(collection.Id) + "objects/");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using var write = await PostAsync(client, collection.Id, Indicator());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        using var unknown = await GetAsync(client, CollectionUrl(Guid.NewGuid().ToString()) + "objects/");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Reader_only_member_may_not_post()
    {
        var reader = await Hub.CreateMemberAsync();
        var (_, collection) = await WriterAsync(extraReader: reader.Organization.Id);
        using var client = Hub.BearerClient(reader.ApiKey);
        using var write = await PostAsync(client, collection.Id, Indicator());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    private async Task<(TestMember Member, Core.Members.Collection Collection)> WriterAsync(bool publicRead = false, string? extraReader = null)
    {
        var member = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(
            readOrgs: extraReader is null ? [] : [extraReader], writeOrgs: [member.Organization.Id], publicRead: publicRead, defaultTlp: TlpLevel.Amber);
        return (member, collection);
    }
}
