using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tiles;
using Vigil.Server.Log;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Log;

public sealed class LogApiTests : IAsyncLifetime
{
    private const int Size = 700;
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync();
        await _hub.GrowAsync(Size);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Checkpoint_is_plain_text_signed_by_the_published_key()
    {
        var key = NoteVerifier.Parse((await _hub.Client.GetStringAsync("/log/key")).Trim());
        using var response = await _hub.Client.GetAsync("/log/checkpoint");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);

        var verified = CheckpointVerifier.Verify(await response.Content.ReadAsStringAsync(), key);
        Assert.Equal(Size, verified.Checkpoint.Size);
        Assert.StartsWith("vigil.", verified.Checkpoint.Origin, StringComparison.Ordinal);
        Assert.EndsWith("/log", verified.Checkpoint.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_key_file_is_created_readable_by_its_owner_only()
    {
        Assert.False(OperatingSystem.IsWindows(), "file modes are checked on Unix only");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(Path.Combine(_hub.DataDirectory, "log", "log.key"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }

        Assert.StartsWith("PRIVATE+KEY+vigil.", await File.ReadAllTextAsync(Path.Combine(_hub.DataDirectory, "log", "log.key")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_tiles_are_immutable_and_partial_tiles_short_lived()
    {
        using var full = await _hub.Client.GetAsync("/log/tile/0/000");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("application/octet-stream", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LogApi.FullTileCache, full.Headers.CacheControl?.ToString());
        Assert.Equal(TileMath.Width * MerkleHash.Size, (await full.Content.ReadAsByteArrayAsync()).Length);

        using var partial = await _hub.Client.GetAsync("/log/tile/0/002.p/188");
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(LogApi.PartialTileCache, partial.Headers.CacheControl?.ToString());

        var bundle = await _hub.Client.GetByteArrayAsync("/log/tile/entries/001");
        var entries = TileCodec.DecodeEntryBundle(bundle, TileCoordinate.Entries(1));
        Assert.Equal(LogHub.Entry(256), entries[0]);
    }

    [Theory]
    [InlineData("/log/tile/0/x1/000", HttpStatusCode.BadRequest, "x1")]
    [InlineData("/log/tile/entries/abc", HttpStatusCode.BadRequest, "abc")]
    [InlineData("/log/tile/0/009", HttpStatusCode.NotFound, "no tile")]
    [InlineData("/log/tile/entries/002", HttpStatusCode.NotFound, "no tile")]
    public async Task Bad_tile_request_names_what_is_wrong(string path, HttpStatusCode status, string mentioned)
    {
        using var response = await _hub.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inclusion_proof_by_hash_and_by_index_verifies_against_the_root()
    {
        var leaf = MerkleHasher.HashLeaf(LogHub.Entry(345));
        var byHash = await _hub.Client.GetFromJsonAsync<InclusionProofResponse>($"/log/proof/inclusion?hash={leaf.ToHex()}&size=600");
        var byIndex = await _hub.Client.GetFromJsonAsync<InclusionProofResponse>("/log/proof/inclusion?index=345&size=600");

        Assert.Equal(345, byHash!.LeafIndex);
        Assert.Equal(byHash, byIndex! with { Hashes = byHash.Hashes });
        Assert.Equal(byHash.Hashes, byIndex.Hashes);
        Assert.True(MerkleProof.VerifyInclusion(leaf, 345, 600, Hashes(byHash.Hashes), Hash(byHash.RootHash)));
    }

    [Fact]
    public async Task Consistency_proof_verifies_between_two_sizes()
    {
        var proof = await _hub.Client.GetFromJsonAsync<ConsistencyProofResponse>("/log/proof/consistency?first=123&second=700");
        Assert.True(MerkleProof.VerifyConsistency(123, 700, Hash(proof!.FirstRoot), Hash(proof.SecondRoot), Hashes(proof.Hashes)));
    }

    [Theory]
    [InlineData("/log/proof/inclusion?index=700&size=700", HttpStatusCode.NotFound, "Entry 700")]
    [InlineData("/log/proof/inclusion?hash=0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "leaf hash")]
    [InlineData("/log/proof/inclusion?hash=zz", HttpStatusCode.BadRequest, "hash")]
    [InlineData("/log/proof/inclusion?index=1&size=5000", HttpStatusCode.BadRequest, "larger than the tree")]
    [InlineData("/log/proof/inclusion?index=-1", HttpStatusCode.BadRequest, "index")]
    [InlineData("/log/proof/inclusion", HttpStatusCode.BadRequest, "exactly one")]
    [InlineData("/log/proof/consistency?first=500&second=100", HttpStatusCode.BadRequest, "larger than second")]
    [InlineData("/log/proof/consistency?first=1&second=9999", HttpStatusCode.BadRequest, "second")]
    [InlineData("/log/proof/consistency", HttpStatusCode.BadRequest, "first")]
    public async Task Bad_proof_request_names_what_is_wrong(string url, HttpStatusCode status, string mentioned)
    {
        using var response = await _hub.Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(mentioned, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_query_is_refused_naming_the_limit()
    {
        using var response = await _hub.Client.GetAsync("/log/proof/inclusion?index=1&pad=" + new string('a', 2000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 512", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MerkleHash Hash(string base64) =>
        MerkleHash.TryFromBase64(base64, out var hash) ? hash : throw new FormatException("not a base64 hash: " + base64);

    private static MerkleHash[] Hashes(IReadOnlyList<string> base64) => base64.Select(Hash).ToArray();
}
