using System.Globalization;
using Vigil.Ledger.Log;
using Vigil.Storage.Database;
using Vigil.Storage.Ledger;

namespace Vigil.Storage.Tests.Ledger;

/// <summary>
/// The <c>ledger-writer PROVIDER CONNECTION</c> mode of the test assembly's entry point: appends batches of
/// <see cref="LedgerSamples.Entry"/> (entry i at index i) until killed, printing <c>committed SIZE</c> after each.
/// </summary>
internal static class LedgerCrashWriter
{
    public const string Mode = "ledger-writer";

    public const int BatchSize = 250;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: ledger-writer sqlite|postgres CONNECTION");
            return 2;
        }

        var options = args[1] == "postgres" ? StorageOptions.ForPostgres(args[2]) : new StorageOptions { ConnectionString = args[2] };
        await using var database = new VigilDatabase(options);
        using var key = LedgerSamples.LogKey();
        using var log = new TransparencyLog(new SqlLogStore(database), key);
        while (true)
        {
            var size = await log.GetSizeAsync();
            await log.AppendAsync(LedgerSamples.Entries(size, size + BatchSize));
            Console.WriteLine("committed " + (size + BatchSize).ToString(CultureInfo.InvariantCulture));
        }
    }
}
