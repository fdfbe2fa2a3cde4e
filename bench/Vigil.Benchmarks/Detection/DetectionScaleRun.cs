using System.Diagnostics;
using System.Globalization;
using Vigil.Detection;
using Vigil.Detection.Results;
using Vigil.Detection.Signals;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// One detection run at scale, outside BenchmarkDotNet (10M activities do not fit its repeated launches): generates the
/// synthetic activity of <see cref="DetectionBenchmarkData"/>, then runs every signal end to end once and prints wall time,
/// process CPU time and each stage's wall time. Peak memory is the process's (<c>/usr/bin/time -v</c> shows it too).
/// Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- detect-scale 10000000</c>.
/// </summary>
public static class DetectionScaleRun
{
    public static int Run(string[] args)
    {
        var sizes = args.Length > 1
            ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [1_000_000];
        foreach (var size in sizes)
        {
            using var process = Process.GetCurrentProcess();
            var generateWatch = Stopwatch.StartNew();
            var table = DetectionBenchmarkData.Generate(size).Table;
            generateWatch.Stop();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var tableMiB = process.WorkingSet64 / (1024 * 1024);
            var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var stages = new StageClock();
            var watch = Stopwatch.StartNew();
            var result = DetectionEngine.Run(table, new DetectionOptions(), stages);
            watch.Stop();
            stages.Finish();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var gcs = string.Create(CultureInfo.InvariantCulture,
                $"GCs during detection: gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, pause {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"activities {table.Count:N0} (generated in {generateWatch.Elapsed.TotalSeconds:F1} s): detection {watch.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU; " +
                $"edges {result.Summary.Edges:N0}, clusters {result.Summary.Clusters:N0}; working set with the table {tableMiB:N0} MiB, peak so far {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB"));
            Console.WriteLine(gcs);
            foreach (var (name, seconds, peak) in stages.Times)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {seconds,8:F2} s   peak after it {peak:N0} MiB"));
            }
        }

        return 0;
    }

    /// <summary>The pair-generation stage alone, per signal (as <see cref="PairGenerationBenchmarks"/>), best of five: <c>detect-pairs 1000000</c>.</summary>
    public static int RunPairs(string[] args)
    {
        var size = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var table = DetectionBenchmarkData.Generate(size).Table;
        var options = new DetectionOptions();
        var signals = new List<(SignalKind Kind, Occurrences Occurrences)>();
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            if (SignalExtractor.Extract(table, kind, options) is { } occurrences)
            {
                signals.Add((kind, occurrences));
            }
        }

        var total = 0.0;
        foreach (var (kind, occurrences) in signals)
        {
            var best = double.MaxValue;
            long slots = 0;
            for (var run = 0; run < 5; run++)
            {
                var watch = Stopwatch.StartNew();
                slots = PairGenerator.Generate(occurrences, table.Accounts.Count, options.For(kind).WindowSeconds, options.CapFor(kind)).Slots;
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            total += best;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-24} {occurrences.Count,12:N0} occurrences {slots,12:N0} slots {best * 1000,9:F1} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all signals {total * 1000:F1} ms: {size / total / 1e6:F2}M activities/s ({table.Count:N0} rows in the table)"));
        return 0;
    }

    private sealed class StageClock : IProgress<DetectionStage>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private string? _current;

        public List<(string Name, double Seconds, long PeakMiB)> Times { get; } = [];

        public void Report(DetectionStage value)
        {
            Finish();
            _current = value.Name;
            _watch.Restart();
        }

        public void Finish()
        {
            if (_current is not null)
            {
                using var process = Process.GetCurrentProcess();
                Times.Add((_current, _watch.Elapsed.TotalSeconds, process.PeakWorkingSet64 / (1024 * 1024)));
                _current = null;
            }
        }
    }
}
