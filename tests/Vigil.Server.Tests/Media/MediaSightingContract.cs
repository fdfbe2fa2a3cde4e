using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Cli.Media;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Ledger.Entries;
using Vigil.Media.Pdq;
using Vigil.Server.Media;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Enrichment;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Media;

/// <summary>
/// A media match records a sighting of each matched indicator through the same store path as any share, visible per
/// collection and TLP, and the outbox drives the watchlist alerts from it; on SQLite and PostgreSQL.
/// </summary>
public abstract class MediaSightingContract(AlertHubFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestHub Hub => fixture.Hub;

    private static string BridgeHash => PdqTestData.ExpectedOriginal()["bridge-mods_aaa-orig.jpg"].Hash;

    /// <summary>A bank author A, a matching member B that may write the bank's collection, a reader C and an outsider D.</summary>
    private async Task<World> WorldAsync(TlpLevel bankTlp = TlpLevel.Amber)
    {
        var (a, b, c, d) = (await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync(Sector.ElectionOffice), await Hub.CreateMemberAsync(Sector.Government),
            await Hub.CreateMemberAsync());
        var collection = await Hub.CreateCollectionAsync(readOrgs: [b.Organization.Id, c.Organization.Id], writeOrgs: [a.Organization.Id, b.Organization.Id]);
        var bundle = BankExportCommand.ToBundle([new BankHash(PdqHash.Parse(BridgeHash), "fake ballot photo", "tip line")], bankTlp, [], TimeProvider.System);
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).Where(o => (string?)o["type"] != "marking-definition").ToArray();
        await EnrichmentHub.ShareAsync(Hub.BearerClient(a.ApiKey), collection.Id, objects);
        return new World(a, b, c, d, collection.Id, (string)objects.Single(o => (string?)o["type"] == "indicator")["id"]!);
    }

    private sealed record World(TestMember A, TestMember B, TestMember C, TestMember D, string Collection, string IndicatorId);

    private async Task<JsonElement> MatchAsync(TestMember member, string image, string query = "", HttpStatusCode expected = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(PdqTestData.Image(image)));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var response = await Hub.BearerClient(member.ApiKey).PostAsync($"{MediaApi.MatchPath}?name=upload.jpg{query}", content);
        return await EnrichmentHub.JsonAsync(response, expected);
    }

    private async Task<List<JsonElement>> SightingsAsync(TestMember reader, string collection)
    {
        var page = await Hub.BearerClient(reader.ApiKey).GetFromJsonAsync<JsonElement>($"/api/rest/objects?type=sighting&collection={collection}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("object"))];
    }

    [Fact]
    public async Task A_match_records_a_sighting_of_the_indicator_visible_to_the_collections_readers_and_not_to_others()
    {
        var w = await WorldAsync();

        var result = await MatchAsync(w.B, "bridge-mods_blur-a-little.jpg");

        Assert.Equal(2, result.GetProperty("matches").GetArrayLength());
        var recorded = Assert.Single(result.GetProperty("sightings").EnumerateArray());
        Assert.Equal(w.IndicatorId, recorded.GetProperty("sightingOfRef").GetString());
        Assert.Equal(w.Collection, recorded.GetProperty("collectionId").GetString());
        Assert.Equal("amber", recorded.GetProperty("tlp").GetString());
        var id = recorded.GetProperty("id").GetString()!;

        var seenByC = Assert.Single(await SightingsAsync(w.C, w.Collection));
        Assert.Equal(id, seenByC.GetProperty("id").GetString());
        Assert.Equal(w.IndicatorId, seenByC.GetProperty("sighting_of_ref").GetString());
        Assert.Equal([w.B.Organization.IdentityId], seenByC.GetProperty("where_sighted_refs").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(w.B.Organization.IdentityId, seenByC.GetProperty("created_by_ref").GetString());
        Assert.Equal(1, seenByC.GetProperty("count").GetInt32());
        Assert.Equal(seenByC.GetProperty("first_seen").GetString(), seenByC.GetProperty("last_seen").GetString());
        Assert.Equal(Tlp.AmberId, seenByC.GetProperty("object_marking_refs")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.BearerClient(w.D.ApiKey).GetAsync($"/api/rest/objects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Hub.BearerClient(w.C.ApiKey).GetAsync($"/api/rest/objects/{id}")).StatusCode);

        // Like any share, the sighting reaches the transparency log (as who shared what with whom, without content).
        var logged = await LoggedAsync(id);
        Assert.Equal((w.B.Organization.Id, "TLP:AMBER"), (logged.AuthorOrg, logged.Marking));
    }

    private async Task<ObjectShared> LoggedAsync(string objectId) =>
        (await LogEntries.WaitForAsync<ObjectShared>(Hub, e => e.ObjectId == objectId))[0];

    [Fact]
    public async Task A_red_sighting_is_seen_by_its_author_only()
    {
        var w = await WorldAsync(TlpLevel.Green);

        var result = await MatchAsync(w.B, "bridge-mods_aaa-orig.jpg", "&tlp=red");

        var id = Assert.Single(result.GetProperty("sightings").EnumerateArray()).GetProperty("id").GetString()!;
        Assert.Equal(id, Assert.Single(await SightingsAsync(w.B, w.Collection)).GetProperty("id").GetString());
        Assert.Empty(await SightingsAsync(w.C, w.Collection));
    }

    [Fact]
    public async Task Watchlists_on_the_pdq_hash_alert_on_the_recorded_sighting_for_a_reader_and_for_the_caller_who_includes_its_own()
    {
        var w = await WorldAsync(TlpLevel.Green);
        await WatchAsync(w.C, new { name = "ballot photos", values = new[] { new { kind = "pdq", value = BridgeHash } } });
        await WatchAsync(w.B, new { name = "ours too", values = new[] { new { kind = "pdq", value = BridgeHash } }, include_own_objects = true });

        var result = await MatchAsync(w.B, "bridge-mods_blur-a-little.jpg");
        var id = Assert.Single(result.GetProperty("sightings").EnumerateArray()).GetProperty("id").GetString()!;

        foreach (var member in new[] { w.C, w.B })
        {
            var alert = await AlertForAsync(member, id);
            Assert.Equal("sighting", alert.GetProperty("objectType").GetString());
            Assert.Equal(["value"], alert.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        }
    }

    private async Task WatchAsync(TestMember member, object body)
    {
        using var response = await Hub.BearerClient(member.ApiKey).PostAsJsonAsync("/api/rest/watchlists", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> AlertForAsync(TestMember member, string objectId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var inbox = await Hub.BearerClient(member.ApiKey).GetFromJsonAsync<JsonElement>("/api/rest/alerts?limit=1000");
            foreach (var alert in inbox.GetProperty("alerts").EnumerateArray())
            {
                if (alert.GetProperty("objectId").GetString() == objectId)
                {
                    return alert;
                }
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"no alert on {objectId}");
    }

    [Fact]
    public async Task No_match_and_record_sighting_false_record_nothing()
    {
        var w = await WorldAsync();

        var unrelated = await MatchAsync(w.B, "misc-images_wee.jpg");
        var optedOut = await MatchAsync(w.B, "bridge-mods_aaa-orig.jpg", "&record_sighting=false");

        Assert.Empty(unrelated.GetProperty("matches").EnumerateArray());
        Assert.Empty(unrelated.GetProperty("sightings").EnumerateArray());
        Assert.Equal(2, optedOut.GetProperty("matches").GetArrayLength());
        Assert.Empty(optedOut.GetProperty("sightings").EnumerateArray());
        Assert.Empty(await SightingsAsync(w.B, w.Collection));
    }

    [Fact]
    public async Task A_collection_the_caller_may_not_write_is_refused_or_reported()
    {
        var w = await WorldAsync();
        var readOnly = await Hub.CreateCollectionAsync(readOrgs: [w.C.Organization.Id]);

        var named = await MatchAsync(w.C, "bridge-mods_aaa-orig.jpg", $"&collection={readOnly.Id}", HttpStatusCode.Forbidden);
        var unknown = await MatchAsync(w.C, "bridge-mods_aaa-orig.jpg", "&collection=no-such-collection", HttpStatusCode.NotFound);
        var bad = await MatchAsync(w.C, "bridge-mods_aaa-orig.jpg", "&record_sighting=maybe&tlp=purple", HttpStatusCode.BadRequest);
        var fallback = await MatchAsync(w.C, "bridge-mods_aaa-orig.jpg");

        Assert.Contains("record_sighting=false", named.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("no-such-collection", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(bad.GetProperty("errors").TryGetProperty("record_sighting", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("tlp", out _));
        var skipped = Assert.Single(fallback.GetProperty("sightings").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("id").ValueKind);
        Assert.Contains("may not write", skipped.GetProperty("notRecorded").GetString(), StringComparison.Ordinal);
        Assert.Empty(await SightingsAsync(w.B, w.Collection));
    }

    [Fact]
    public async Task A_whole_video_bank_entry_matches_a_resized_copy_by_vpdq_and_records_a_sighting_but_not_an_unrelated_video()
    {
        var (a, b) = (await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync());
        var collection = await Hub.CreateCollectionAsync(readOrgs: [b.Organization.Id], writeOrgs: [a.Organization.Id, b.Organization.Id]);
        using var temp = new TempFolder();
        var (original, copy, unrelated) = (temp.File("original.mp4"), temp.File("copy.mp4"), temp.File("unrelated.mp4"));
        await MediaFiles.MakeVideoAsync(original, seconds: 8);
        await MediaFiles.CopyVideoAsync(original, copy, "-vf", "scale=200:-2", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30");
        await MediaFiles.MakeVideoAsync(unrelated, seconds: 8, source: "mandelbrot");
        var frames = (await Vigil.Media.Video.VideoHasher.HashAsync(original)).Frames;
        var digest = VpdqStixHashes.Digest(frames);
        var bundle = BankExportCommand.ToBundle(new HashBank([], [new BankVideo(digest, frames, "doctored clip", "tip line")]), TlpLevel.Green, [], TimeProvider.System);
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).Where(o => (string?)o["type"] != "marking-definition").ToArray();
        await EnrichmentHub.ShareAsync(Hub.BearerClient(a.ApiKey), collection.Id, objects);
        var indicatorId = (string)objects.Single(o => (string?)o["type"] == "indicator")["id"]!;
        var fileId = (string)objects.Single(o => (string?)o["type"] == "file")["id"]!;

        async Task<JsonElement> UploadAsync(string path)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            using var response = await Hub.BearerClient(b.ApiKey).PostAsync(MediaApi.MatchPath + "?name=clip.mp4", content);
            return await EnrichmentHub.JsonAsync(response, HttpStatusCode.OK);
        }

        var matched = await UploadAsync(copy);
        var other = await UploadAsync(unrelated);

        var videoMatches = matched.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("algorithm").GetString() == "vPDQ").ToArray();
        Assert.Equal(new[] { fileId, indicatorId }.Order(StringComparer.Ordinal), videoMatches.Select(m => m.GetProperty("objectId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(videoMatches, m =>
        {
            Assert.Equal(digest, m.GetProperty("hash").GetString());
            Assert.InRange(m.GetProperty("targetMatchPercent").GetDouble(), 80, 100);
            Assert.InRange(m.GetProperty("queryMatchPercent").GetDouble(), 50, 100);
            Assert.InRange(m.GetProperty("distance").GetInt32(), 0, 31);
        });
        Assert.Contains(videoMatches, m => m.GetProperty("label").GetString() == "doctored clip");
        var sighting = Assert.Single(matched.GetProperty("sightings").EnumerateArray());
        Assert.Equal(indicatorId, sighting.GetProperty("sightingOfRef").GetString());
        Assert.Empty(other.GetProperty("matches").EnumerateArray());
        Assert.Empty(other.GetProperty("sightings").EnumerateArray());
        var stored = Assert.Single(await SightingsAsync(b, collection.Id));
        Assert.Contains("vPDQ", stored.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
