using System.Diagnostics;
using System.Globalization;
using Vigil.Detection.Reading;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// Reads one activity file the way <c>vigil detect</c> does and prints rows/s, wall and CPU time, peak RSS and a
/// checksum of the table, so readers can be compared on the same file (for example the <c>detect-export</c> output).
/// Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- detect-read FILE [FORMAT]</c>.
/// </summary>
public static class CsvReadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: detect-read FILE [FORMAT]");
            return 2;
        }

        var options = new ReadOptions { Format = args.Length > 2 ? ActivityFormats.Parse(args[2]) : null };
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await ActivityReaders.ReadAsync(args[1], options);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var table = result.Table;
        long sum = 0;
        for (var i = 0; i < table.Count; i++)
        {
            sum = unchecked((sum * 31) + table.Time[i] + (table.Account[i] * 7L) + table.Reference[i] + (table.Text[i]?.Length ?? 0)
                + table.Urls.Row(i).Length + table.Hashtags.Row(i).Length);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.RowsRead:N0} rows ({table.Count:N0} kept, {result.IssueCount:N0} issues) in {watch.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU = {result.RowsRead / watch.Elapsed.TotalSeconds:N0} rows/s; peak RSS {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB; accounts {table.Accounts.Count:N0}, references {table.References.Count:N0}, checksum {sum}; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s"));
        return 0;
    }
}
