using Vigil.Detection.Results;

namespace Vigil.Detection.Tests.Stix;

/// <summary>Hand-made detection results with URLs, domains and awkward characters, for the STIX exporter.</summary>
internal static class DetectionResults
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static DetectionResult TwoClusters() => new()
    {
        Summary = new DetectionSummary { Activities = 120, Accounts = 7, Edges = 9, Components = 2, Clusters = 2, InputAccounts = 40 },
        Method = "test method",
        Signals = [],
        Clusters =
        [
            Cluster(1, ["a1", "a2", "a3", "a4"], "twitter",
            [
                Shared("co-link", "news.example/it's-a\\story?id=7", 4),
                Shared("co-link", "opaquelinkid", 4),
                Shared("co-domain", "news.example", 4),
                Shared("co-reshare", "tweet-99", 3),
            ]),
            Cluster(2, ["b1", "b2", "b3"], null,
            [
                Shared("co-link", "news.example/it's-a\\story?id=7", 3),
                Shared("co-domain", "other.example", 3),
            ]),
        ],
        Edges = [],
        AccountSignalCounts = new Dictionary<string, int>(),
        FirstActivity = Start,
        LastActivity = Start.AddHours(5),
    };

    public static DetectionResult Empty() => new()
    {
        Summary = new DetectionSummary { Activities = 0, Accounts = 0, Edges = 0, Components = 0, Clusters = 0, InputAccounts = 0 },
        Method = "test method",
        Signals = [],
        Clusters = [],
        Edges = [],
        AccountSignalCounts = new Dictionary<string, int>(),
    };

    private static SharedItem Shared(string signal, string item, int accounts) => new()
    {
        Signal = signal,
        Item = item,
        Accounts = accounts,
        Shares = accounts * 2,
        First = Start.AddMinutes(accounts),
        Last = Start.AddHours(1),
    };

    private static DetectedCluster Cluster(int rank, string[] accounts, string? platform, SharedItem[] shared) => new()
    {
        Id = rank,
        Rank = rank,
        Score = 10.0 / rank,
        Component = rank,
        Accounts = accounts,
        AccountDetails = [.. accounts.Select((a, i) => new ClusterAccount
        {
            Id = a,
            Handle = i == 0 ? a : "handle_" + a,
            Platform = platform,
            Activities = 10 + i,
            Degree = accounts.Length - 1,
            Flags = i == 1 ? ["handle-pattern"] : [],
        })],
        Counts = new ClusterCounts { Accounts = accounts.Length, Edges = accounts.Length, Activities = 50, CoActions = 30, SharedItems = shared.Length },
        StrongestSignals =
        [
            new SignalStrength { Signal = "co-link", Edges = 3, CoActions = 12, MaxStrength = 14.2 },
            new SignalStrength { Signal = "co-domain", Edges = 2, CoActions = 8, MaxStrength = 6.1 },
        ],
        Edges = [],
        SharedItems = shared,
        Timeline = [],
        FirstActivity = Start.AddMinutes(rank),
        LastActivity = Start.AddHours(rank),
    };
}
