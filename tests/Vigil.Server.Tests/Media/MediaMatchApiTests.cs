using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Cli.Media;
using Vigil.Core.Sharing;
using Vigil.Media.Pdq;
using Vigil.Server.Media;
using Vigil.Server.Tests.Enrichment;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Media;

[Collection(MediaUploads.Name)]
public sealed class MediaMatchApiTests : IAsyncLifetime
{
    private const long UploadLimit = 1024 * 1024;
    private TestHub? _hub;

    private TestHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync(new TestHubOptions { MaxRequestBodyBytes = UploadLimit });

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    private static string BridgeHash => PdqTestData.ExpectedOriginal()["bridge-mods_aaa-orig.jpg"].Hash;

    /// <summary>An author A sharing into a collection B and C read, and the bank's objects AMBER to B only.</summary>
    private async Task<(HttpClient B, HttpClient C, string IndicatorId, string FileId)> ShareBankAmberToBAsync()
    {
        var a = await Hub.CreateMemberAsync();
        var b = await Hub.CreateMemberAsync(Vigil.Core.Members.Sector.ElectionOffice);
        var c = await Hub.CreateMemberAsync(Vigil.Core.Members.Sector.Government);
        var collection = await Hub.CreateCollectionAsync(readOrgs: [b.Organization.Id, c.Organization.Id], writeOrgs: [a.Organization.Id]);
        var bundle = BankExportCommand.ToBundle(
            [new BankHash(PdqHash.Parse(BridgeHash), "fake ballot photo", "tip line")], TlpLevel.Amber, ["election-2026"], TimeProvider.System);
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).Where(o => (string?)o["type"] != "marking-definition").ToArray();
        foreach (var o in objects)
        {
            o["x_vigil_recipients"] = new JsonArray(b.Organization.IdentityId);
        }

        await EnrichmentHub.ShareAsync(Hub.BearerClient(a.ApiKey), collection.Id, objects);
        return (Hub.BearerClient(b.ApiKey), Hub.BearerClient(c.ApiKey),
            (string)objects.Single(o => (string?)o["type"] == "indicator")["id"]!, (string)objects.Single(o => (string?)o["type"] == "file")["id"]!);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string name)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(MediaApi.MatchPath + "?name=" + Uri.EscapeDataString(name), content);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] UploadFiles() => Directory.GetFiles(Path.GetTempPath(), "vigil-upload-*");

    [Fact]
    public async Task Bank_shared_amber_to_b_matches_for_b_and_not_for_c()
    {
        var (b, c, indicatorId, fileId) = await ShareBankAmberToBAsync();
        var blurred = PdqTestData.Image("bridge-mods_blur-a-little.jpg");

        var forB = await JsonAsync(await UploadAsync(b, blurred, "blurred.jpg"), HttpStatusCode.OK);
        var forC = await JsonAsync(await UploadAsync(c, blurred, "blurred.jpg"), HttpStatusCode.OK);

        Assert.Equal("image", forB.GetProperty("kind").GetString());
        Assert.Equal(PdqTestData.ExpectedOriginal()["bridge-mods_blur-a-little.jpg"].Hash, forB.GetProperty("hash").GetString());
        var matches = forB.GetProperty("matches").EnumerateArray().ToArray();
        Assert.Equal(new[] { fileId, indicatorId }.Order(StringComparer.Ordinal), matches.Select(m => m.GetProperty("objectId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(matches, m => Assert.Equal(0, m.GetProperty("distance").GetInt32()));
        Assert.All(matches, m => Assert.Equal("amber", m.GetProperty("tlp").GetString()));
        Assert.Contains(matches, m => m.GetProperty("label").GetString() == "fake ballot photo");
        Assert.Empty(forC.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public async Task Hash_shared_after_a_first_lookup_is_matched_on_the_next_one()
    {
        var a = await Hub.CreateMemberAsync();
        var b = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(readOrgs: [b.Organization.Id], writeOrgs: [a.Organization.Id]);
        var client = Hub.BearerClient(b.ApiKey);
        var image = PdqTestData.Image("misc-images_wee.jpg");
        Assert.Empty((await JsonAsync(await UploadAsync(client, image, "wee.jpg"), HttpStatusCode.OK)).GetProperty("matches").EnumerateArray());

        var bundle = BankExportCommand.ToBundle(
            [new BankHash(PdqHash.Parse(PdqTestData.ExpectedOriginal()["misc-images_wee.jpg"].Hash), "state-media re-upload", null)], TlpLevel.Green, [], TimeProvider.System);
        await EnrichmentHub.ShareAsync(Hub.BearerClient(a.ApiKey), collection.Id,
            [.. bundle["objects"]!.AsArray().Select(o => o!.AsObject()).Where(o => (string?)o["type"] == "indicator")]);

        var after = await JsonAsync(await UploadAsync(client, image, "wee.jpg"), HttpStatusCode.OK);
        var match = Assert.Single(after.GetProperty("matches").EnumerateArray());
        Assert.Equal("state-media re-upload", match.GetProperty("label").GetString());
        Assert.Equal("green", match.GetProperty("tlp").GetString());
    }

    [Fact]
    public async Task Video_upload_matches_a_shared_frame_hash_with_the_frames_that_matched()
    {
        var a = await Hub.CreateMemberAsync();
        var b = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(readOrgs: [b.Organization.Id], writeOrgs: [a.Organization.Id]);
        var video = Path.Combine(Path.GetTempPath(), $"vigil-media-test-{Guid.NewGuid():N}.mp4");
        try
        {
            await MediaFiles.MakeVideoAsync(video, seconds: 4);
            var frames = (await Vigil.Media.Video.VideoHasher.HashAsync(video)).Frames;
            var bundle = BankExportCommand.ToBundle([new BankHash(frames[1].Hash, "doctored clip", null)], TlpLevel.Green, [], TimeProvider.System);
            await EnrichmentHub.ShareAsync(Hub.BearerClient(a.ApiKey), collection.Id,
                [.. bundle["objects"]!.AsArray().Select(o => o!.AsObject()).Where(o => (string?)o["type"] == "file")]);

            var content = new ByteArrayContent(await File.ReadAllBytesAsync(video));
            content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            var result = await JsonAsync(await Hub.BearerClient(b.ApiKey).PostAsync(MediaApi.MatchPath + "?name=clip.mp4", content), HttpStatusCode.OK);

            Assert.Equal("video", result.GetProperty("kind").GetString());
            Assert.Equal(frames.Count, result.GetProperty("frames").GetInt32());
            var match = Assert.Single(result.GetProperty("matches").EnumerateArray());
            Assert.Equal(0, match.GetProperty("distance").GetInt32());
            Assert.InRange(match.GetProperty("matchedFrames").GetInt32(), 1, frames.Count);
            Assert.Empty(UploadFiles());
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Fact]
    public async Task Multipart_upload_is_hashed_like_a_raw_body()
    {
        var (b, _, indicatorId, _) = await ShareBankAmberToBAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(PdqTestData.Image("bridge-mods_aaa-orig.jpg")));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "orig.jpg");

        var result = await JsonAsync(await b.PostAsync(MediaApi.MatchPath, form), HttpStatusCode.OK);

        Assert.Equal("orig.jpg", result.GetProperty("name").GetString());
        Assert.Contains(result.GetProperty("matches").EnumerateArray(), m => m.GetProperty("objectId").GetString() == indicatorId);
    }

    [Fact]
    public async Task Corrupt_image_is_422_naming_the_upload_and_reason_and_leaves_no_temp_file()
    {
        var member = await Hub.CreateMemberAsync();
        var corrupt = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(corrupt, (await File.ReadAllBytesAsync(PdqTestData.Image("misc-images_wee.jpg")))[..100]);

            var problem = await JsonAsync(await UploadAsync(Hub.BearerClient(member.ApiKey), corrupt, "ballot.jpg"), HttpStatusCode.UnprocessableEntity);

            var detail = problem.GetProperty("detail").GetString()!;
            Assert.StartsWith("ballot.jpg: ", detail, StringComparison.Ordinal);
            Assert.Contains("truncated", detail, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(UploadFiles());
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public async Task Upload_over_the_limit_is_413_and_leaves_no_temp_file()
    {
        var member = await Hub.CreateMemberAsync();
        var client = Hub.BearerClient(member.ApiKey);
        var content = new ByteArrayContent(new byte[UploadLimit + 1]);

        using var response = await client.PostAsync(MediaApi.MatchPath, content);

        var problem = await JsonAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(UploadFiles());
    }

    [Fact]
    public async Task Streamed_upload_without_length_is_cut_off_at_the_limit_with_413()
    {
        var member = await Hub.CreateMemberAsync();
        var content = new StreamContent(new UnseekableStream(new MemoryStream(new byte[UploadLimit * 2])));

        using var response = await Hub.BearerClient(member.ApiKey).PostAsync(MediaApi.MatchPath, content);

        await JsonAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(UploadFiles());
    }

    [Fact]
    public async Task Unreadable_video_is_422()
    {
        var member = await Hub.CreateMemberAsync();
        var content = new ByteArrayContent("not a video at all"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        var problem = await JsonAsync(await Hub.BearerClient(member.ApiKey).PostAsync(MediaApi.MatchPath + "?name=clip.mp4", content), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("clip.mp4: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(UploadFiles());
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
