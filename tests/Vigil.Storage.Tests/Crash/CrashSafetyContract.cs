using System.Data.Common;
using System.Diagnostics;
using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Crash;

/// <summary>
/// A child process writes envelopes in a loop and is killed with SIGKILL mid-write; after reopening the database
/// every envelope is either wholly present (all its objects and its status) or wholly absent.
/// </summary>
public abstract class CrashSafetyContract
{
    protected abstract Task<StorageOptions> StorageAsync();

    [Fact]
    public async Task Killed_writer_leaves_every_envelope_whole_or_absent()
    {
        var options = await StorageAsync();
        string orgId;
        string collectionId;
        await using (var harness = await Objects.StoreHarness.OpenAsync(options))
        {
            var org = await harness.OrgAsync("Crash writer");
            orgId = org.Id;
            collectionId = (await harness.CollectionAsync([org])).Id;
        }

        var committed = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            committed.AddRange(await RunAndKillAsync(options, orgId, collectionId, envelopesBeforeKill: 3 + (round * 2)));
        }

        await using var database = new VigilDatabase(options);
        await using var connection = await database.OpenAsync();
        var perEnvelope = await CountsAsync(connection,
            "SELECT o.status_id, count(*) FROM stix_objects o WHERE o.collection_id = @c GROUP BY o.status_id", collectionId);
        var statuses = await CountsAsync(connection, "SELECT s.id, 1 FROM taxii_status s WHERE s.collection_id = @c", collectionId);

        Assert.NotEmpty(perEnvelope);
        Assert.All(perEnvelope, e => Assert.Equal(CrashWriterProgram.ObjectsPerEnvelope, e.Value));
        Assert.Equal(perEnvelope.Keys.Order(), statuses.Keys.Order());
        Assert.All(committed, id => Assert.True(perEnvelope.ContainsKey(id), $"envelope {id} was reported committed but is missing"));
    }

    private static async Task<List<string>> RunAndKillAsync(StorageOptions options, string orgId, string collectionId, int envelopesBeforeKill)
    {
        var assembly = typeof(CrashWriterProgram).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "exec", assembly, "crash-writer", options.Provider == StorageProvider.Postgres ? "postgres" : "sqlite", options.ConnectionString, orgId,
                     collectionId,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
        var committed = new List<string>();
        var errors = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (committed.Count < envelopesBeforeKill)
        {
            var line = await child.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                Assert.Fail("the crash writer exited early: " + await errors);
            }

            if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                committed.Add(line["committed ".Length..]);
            }
        }

        // SIGKILL while the writer is inside its next envelope.
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(timeout.Token);
        return committed;
    }

    private static async Task<Dictionary<string, long>> CountsAsync(DbConnection connection, string sql, string collectionId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        VigilDatabase.AddParameter(command, "@c", collectionId);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
