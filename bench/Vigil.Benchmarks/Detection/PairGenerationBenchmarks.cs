using BenchmarkDotNet.Attributes;
using Vigil.Detection;
using Vigil.Detection.Activities;
using Vigil.Detection.Signals;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// The pair-generation stage alone: every signal's occurrences (extracted in setup) turned into
/// counted account pairs, with the default windows and hot-item caps. Rate = activities / time.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class PairGenerationBenchmarks
{
    private ActivityTable _table = null!;
    private readonly List<(Occurrences Occurrences, int Window, int Cap)> _signals = [];

    [Params(100_000, 1_000_000)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _table = DetectionBenchmarkData.Generate(Activities).Table;
        var options = new DetectionOptions();
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            if (SignalExtractor.Extract(_table, kind, options) is { } occurrences)
            {
                _signals.Add((occurrences, options.For(kind).WindowSeconds, options.CapFor(kind)));
            }
        }
    }

    [Benchmark]
    public long AllSignals()
    {
        long slots = 0;
        foreach (var (occurrences, window, cap) in _signals)
        {
            slots += PairGenerator.Generate(occurrences, _table.Accounts.Count, window, cap).Slots;
        }

        return slots;
    }
}
