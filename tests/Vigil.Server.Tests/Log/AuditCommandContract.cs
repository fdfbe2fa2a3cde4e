using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Vigil.Cli.Audit;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Hosting;
using Vigil.Server.Log;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Storage.Database;

namespace Vigil.Server.Tests.Log;

/// <summary>
/// <c>vigil audit verify</c> and <c>witness</c> run in process against a real hub over its HTTP pipeline, on SQLite
/// and PostgreSQL (the concrete subclasses).
/// </summary>
public abstract class AuditCommandContract : IAsyncLifetime
{
    private TestHub _hub = null!;
    private string _directory = null!;

    protected abstract Task<TestHubOptions> HubOptionsAsync();

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(await HubOptionsAsync());
        _directory = Directory.CreateTempSubdirectory("vigil-audit-").FullName;
        await _hub.GrowAsync(600);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Verify_passes_on_an_intact_log_and_keeps_state_between_runs()
    {
        var state = new FileInfo(Path.Combine(_directory, "state.json"));
        var (code, output) = await VerifyAsync(state);
        Assert.True(code == AuditVerify.Verified, output);
        Assert.Contains("Verified 600 entries", output, StringComparison.Ordinal);

        await _hub.GrowAsync(900);
        (code, output) = await VerifyAsync(state);
        Assert.True(code == AuditVerify.Verified, output);
        Assert.Contains("\"size\":\"900\"", await File.ReadAllTextAsync(state.FullName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fails_with_the_first_bad_index_after_the_database_is_edited()
    {
        await ExecuteAsync("UPDATE ledger_entries SET entry = (SELECT entry FROM ledger_entries WHERE idx = 3) WHERE idx = 417");

        var (code, output) = await VerifyAsync(null);
        Assert.Equal(AuditVerify.Failed, code);
        Assert.Contains("first bad index 417", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_catches_a_log_rewritten_since_the_last_run()
    {
        var state = new FileInfo(Path.Combine(_directory, "state.json"));
        Assert.Equal(AuditVerify.Verified, (await VerifyAsync(state)).Code);

        // The operator rewrites history and re-signs: same size, other root.
        await ExecuteAsync("DELETE FROM ledger_hashes");
        await ExecuteAsync("DELETE FROM ledger_entries");
        await ExecuteAsync("UPDATE ledger_head SET size = 0, checkpoint = NULL");
        var log = _hub.Log();
        for (var i = 0; i < 600; i += 100)
        {
            await log.AppendAsync(Enumerable.Range(i, 100).Select(j => (ReadOnlyMemory<byte>)LogHub.Entry(j == 250 ? 99999 : j)).ToList());
        }

        await _hub.Services.GetRequiredService<CheckpointService>().SignNowAsync();
        Assert.Equal(600, await log.GetSizeAsync());
        var (code, output) = await VerifyAsync(state);
        Assert.Equal(AuditVerify.Failed, code);
        Assert.Contains("Fork", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_cannot_run_against_an_unreachable_log()
    {
        var console = Console(out var writer);
        var code = await AuditVerify.RunAsync(_hub.Client, new Uri(_hub.Client.BaseAddress!, "/nothing-here/"), null, null, console, default);
        Assert.Equal(AuditVerify.CouldNotRun, code);
        Assert.Contains("404", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Witness_cosigns_and_the_hub_serves_the_cosignature()
    {
        var keyFile = new FileInfo(Path.Combine(_directory, "witness.key"));
        var console = Console(out var writer);
        Assert.Equal(0, AuditWitness.CreateKey("witness.example.org", keyFile, console));
        var verifier = NoteVerifier.Parse(writer.ToString().Trim());
        await File.WriteAllTextAsync(new LogFiles(new ServerOptions { DataDirectory = _hub.DataDirectory }).WitnessesPath, verifier + "\n");
        var state = new FileInfo(Path.Combine(_directory, "witness.json"));

        var code = await AuditWitness.RunAsync(_hub.Client, _hub.Client.BaseAddress!, keyFile, state, null, console, default);
        Assert.True(code == 0, writer.ToString());
        await _hub.GrowAsync(800);
        code = await AuditWitness.RunAsync(_hub.Client, _hub.Client.BaseAddress!, keyFile, state, null, console, default);
        Assert.True(code == 0, writer.ToString());

        var served = CheckpointVerifier.Verify(await _hub.Client.GetStringAsync("/log/checkpoint"), _hub.Log().Verifier, [verifier]);
        Assert.Equal(800, served.Checkpoint.Size);
        Assert.Single(served.Cosignatures);
    }

    private async Task<(int Code, string Output)> VerifyAsync(FileInfo? state)
    {
        var console = Console(out var writer);
        var code = await AuditVerify.RunAsync(_hub.Client, _hub.Client.BaseAddress!, state, null, console, default);
        return (code, writer.ToString());
    }

    private static IAnsiConsole Console(out StringWriter writer)
    {
        writer = new StringWriter();
        return PlainConsole.Create(writer);
    }

    private async Task ExecuteAsync(string sql)
    {
        var database = _hub.Services.GetRequiredService<VigilDatabase>();
        await using var connection = await database.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
