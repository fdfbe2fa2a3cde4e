using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;
using Vigil.Storage.Tests.Objects;

namespace Vigil.Storage.Tests.Crash;

/// <summary>
/// The entry point of this test assembly. Under the test runner it is never called; the crash-safety test starts
/// the assembly with <c>crash-writer PROVIDER CONNECTION ORG COLLECTION</c> to write envelopes until it is killed.
/// </summary>
public static class CrashWriterProgram
{
    public const int ObjectsPerEnvelope = 40;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Ledger.LedgerCrashWriter.Mode)
        {
            return await Ledger.LedgerCrashWriter.RunAsync(args);
        }

        if (args.Length != 5 || args[0] != "crash-writer")
        {
            await Console.Error.WriteLineAsync("usage: crash-writer sqlite|postgres CONNECTION ORG_ID COLLECTION_ID");
            return 2;
        }

        var options = args[1] == "postgres" ? StorageOptions.ForPostgres(args[2]) : new StorageOptions { ConnectionString = args[2] };
        await using var database = new VigilDatabase(options);
        var members = new SqlMemberStore(database, new MemberStoreOptions { Pepper = RandomNumberGenerator.GetBytes(32), PasswordIterations = 1000 });
        var store = new SqlObjectStore(database, members);
        var collection = await members.GetCollectionAsync(StoreHarness.ApiRoot, args[4]) ?? throw new InvalidOperationException("no collection " + args[4]);
        var writer = new Reader { OrgId = args[3], Principals = [Principal.Org(args[3])] };
        for (var envelope = 0; ; envelope++)
        {
            var objects = new ObjectSubmission[ObjectsPerEnvelope];
            for (var i = 0; i < objects.Length; i++)
            {
                var submission = StixSamples.Indicator(markings: [Tlp.GreenId], name: "crash envelope " + envelope.ToString(CultureInfo.InvariantCulture));
                var json = (JsonObject)submission.Object.Json.DeepClone();
                json["description"] = new string('x', 2000);
                objects[i] = StixSamples.Submit(json);
            }

            var result = await store.AddEnvelopeAsync(new EnvelopeWrite { Writer = writer, Collection = collection, Objects = objects });
            Console.WriteLine("committed " + result.Status!.Id);
        }
    }
}
