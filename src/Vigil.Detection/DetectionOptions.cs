using Vigil.Detection.CooRTweet;
using Vigil.Detection.Signals;

namespace Vigil.Detection;

/// <summary>Everything the engine can be told. The defaults are the settings the quality tests run with.</summary>
public sealed record DetectionOptions
{
    /// <summary>When set, the network is CooRTweet's (detect_groups + generate_coordinated_network) instead of the signals'.</summary>
    public CooRTweetOptions? CooRTweet { get; init; }

    public SignalOptions CoLink { get; init; } = new() { WindowSeconds = 60 };
    public SignalOptions CoDomain { get; init; } = new() { WindowSeconds = 30, MinCoActions = 4 };
    public SignalOptions CoReshare { get; init; } = new() { WindowSeconds = 60 };
    public SignalOptions CoReply { get; init; } = new() { WindowSeconds = 120 };
    public SignalOptions CoText { get; init; } = new() { WindowSeconds = 300 };
    public SignalOptions CoHashtagSequence { get; init; } = new() { WindowSeconds = 300 };
    public SignalOptions CoMedia { get; init; } = new() { WindowSeconds = 300 };
    /// <summary>Synchronized activity: the window is the width of the time bins compared.</summary>
    public SignalOptions SynchronizedActivity { get; init; } = new() { WindowSeconds = 60, MinCoActions = 5 };

    /// <summary>Co-text: estimated Jaccard similarity of word 3-shingles at or above which two texts are near-duplicates.</summary>
    public double TextSimilarity { get; init; } = 0.8;
    /// <summary>Co-text: texts with fewer words than this are ignored.</summary>
    public int MinTextWords { get; init; } = 5;
    /// <summary>Co-media: PDQ hashes within this Hamming distance (of 256 bits) are the same picture.</summary>
    public int MediaHammingDistance { get; init; } = 31;
    /// <summary>Synchronized activity: only accounts with at least this many activities are compared.</summary>
    public int SyncMinActivities { get; init; } = 10;

    /// <summary>
    /// Hot-item cap: a share is paired with at most this many later shares of the same item inside
    /// the window (the nearest in time), so an item shared by 100,000 accounts costs O(n) pairs.
    /// </summary>
    public int MaxPairsPerShare { get; init; } = 16;

    /// <summary>The hot-item cap for synchronized activity, where an item is a busy time bin: the nearest activities in time only.</summary>
    public int SyncMaxPairsPerShare { get; init; } = 4;

    public int CapFor(SignalKind kind) => kind == SignalKind.SynchronizedActivity ? SyncMaxPairsPerShare : MaxPairsPerShare;

    /// <summary>Family-wise error rate for the per-signal edge test (Bonferroni over the candidate edges).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Fewest co-actions, summed over signals, for a pair that only the combined test keeps.</summary>
    public int CombinedMinCoActions { get; init; } = 4;

    public int MinClusterSize { get; init; } = 3;
    public int Seed { get; init; } = 20240601;
    /// <summary>Clusters (best ranked first) that get edge evidence, shared items and a timeline; the rest list accounts and counts.</summary>
    public int MaxDetailedClusters { get; init; } = 200;
    public int MaxEvidencePerEdge { get; init; } = 5;
    public int MaxEdgesPerCluster { get; init; } = 500;

    public SignalOptions For(SignalKind kind) => kind switch
    {
        SignalKind.CoLink => CoLink,
        SignalKind.CoDomain => CoDomain,
        SignalKind.CoReshare => CoReshare,
        SignalKind.CoReply => CoReply,
        SignalKind.CoText => CoText,
        SignalKind.CoHashtagSequence => CoHashtagSequence,
        SignalKind.CoMedia => CoMedia,
        SignalKind.SynchronizedActivity => SynchronizedActivity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
