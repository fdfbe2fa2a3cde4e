using System.Net;
using System.Text;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Verification;
using Vigil.Server.Log;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Log;

public sealed class CosignatureTests : IAsyncLifetime
{
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync();
        await _hub.GrowAsync(300);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Cosignature_by_a_configured_witness_is_served_with_the_checkpoint()
    {
        using var witness = NoteSigner.Generate("witness.example.org", NoteKeyType.Cosignature);
        await TrustAsync(witness);

        using var response = await PostAsync(await CosignLatestAsync(witness));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var served = await _hub.Client.GetStringAsync("/log/checkpoint");
        var verified = CheckpointVerifier.Verify(served, _hub.Log().Verifier, [witness.Verifier]);
        Assert.Equal("witness.example.org", Assert.Single(verified.Cosignatures).WitnessName);
    }

    [Fact]
    public async Task Cosignature_by_an_unknown_witness_is_forbidden_and_not_kept()
    {
        using var trusted = NoteSigner.Generate("trusted.example.org", NoteKeyType.Cosignature);
        using var stranger = NoteSigner.Generate("stranger.example.org", NoteKeyType.Cosignature);
        await TrustAsync(trusted);

        using var response = await PostAsync(await CosignLatestAsync(stranger));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("trusted.example.org", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("stranger", await _hub.Client.GetStringAsync("/log/checkpoint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cosignature_for_an_older_checkpoint_is_a_conflict()
    {
        using var witness = NoteSigner.Generate("witness.example.org", NoteKeyType.Cosignature);
        await TrustAsync(witness);
        var old = await CosignLatestAsync(witness);
        await _hub.GrowAsync(400);

        using var response = await PostAsync(old);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not the log's latest", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_instead_of_a_note_is_a_bad_request()
    {
        using var witness = NoteSigner.Generate("witness.example.org", NoteKeyType.Cosignature);
        await TrustAsync(witness);
        using var response = await PostAsync("not a signed note");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task TrustAsync(NoteSigner witness)
    {
        var files = new LogFiles(new Hosting.ServerOptions { DataDirectory = _hub.DataDirectory });
        await File.WriteAllTextAsync(files.WitnessesPath, "# witnesses\n" + witness.Verifier + "\n");
    }

    private async Task<string> CosignLatestAsync(NoteSigner witness)
    {
        var result = await new LogWitness(witness, _hub.Log().Verifier).ObserveAsync(new HttpLogSource(_hub.Client, new Uri(_hub.Client.BaseAddress!, "/log/")), null);
        return result.CosignedNote.ToString();
    }

    private Task<HttpResponseMessage> PostAsync(string note) =>
        _hub.Client.PostAsync("/log/cosignature", new StringContent(note, Encoding.UTF8, "text/plain"));
}
