using BenchmarkDotNet.Attributes;
using Vigil.Detection.Activities;
using Vigil.Detection.CooRTweet;

namespace Vigil.Benchmarks.Detection;

/// <summary>CooRTweet-compatible detect_groups + network on generated co-share data (every pair in the window, as CooRTweet does).</summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class CooRTweetBenchmarks
{
    private ActivityTable _table = null!;

    [Params(35_000, 350_000)]
    public int Shares { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var builder = new ActivityTableBuilder(Shares);
        var accounts = Math.Max(1_000, Shares / 4);
        for (var i = 0; i < Shares; i++)
        {
            builder.Add(new ActivityRecord
            {
                AccountId = "a" + random.Next(accounts),
                ActivityId = "c" + i,
                ReferencedId = "o" + (int)Math.Pow(Shares / 3.0, random.NextDouble()),
                Timestamp = 1_609_459_200 + random.Next(200 * 86_400),
                Kind = ActivityKind.Reshare,
            });
        }

        _table = builder.Build();
    }

    [Benchmark]
    public int DetectGroupsAndNetwork() => CooRTweetDetector.Detect(_table, new CooRTweetOptions { WindowSeconds = 60, MinParticipation = 2 }).Edges.Count;
}
