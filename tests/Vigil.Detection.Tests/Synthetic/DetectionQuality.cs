using Vigil.Detection.Results;
using Vigil.Detection.Synthetic;

namespace Vigil.Detection.Tests.Synthetic;

/// <summary>Account-level precision and recall of a detection run against the generator's ground truth.</summary>
internal sealed record DetectionQuality(double Precision, double Recall, int Flagged, int TrendingFlagged, int TrendingCrowd)
{
    public static DetectionQuality Measure(DetectionResult result, GroundTruth truth, int minNetworkSize = 10)
    {
        var flagged = result.Clusters.SelectMany(c => c.Accounts).ToHashSet(StringComparer.Ordinal);
        var planted = truth.Networks.SelectMany(n => n.Accounts).ToHashSet(StringComparer.Ordinal);
        var target = truth.Networks.Where(n => n.Network.Size >= minNetworkSize).SelectMany(n => n.Accounts).ToList();
        var truePositives = flagged.Count(planted.Contains);
        var precision = flagged.Count == 0 ? 1 : (double)truePositives / flagged.Count;
        var recall = target.Count == 0 ? 1 : (double)target.Count(flagged.Contains) / target.Count;
        var trendingFlagged = truth.TrendingCrowd.Count(flagged.Contains);
        return new DetectionQuality(precision, recall, flagged.Count, trendingFlagged, truth.TrendingCrowd.Count);
    }

    public override string ToString() =>
        $"precision {Precision:F3}, recall {Recall:F3}, flagged {Flagged}, trending crowd flagged {TrendingFlagged}/{TrendingCrowd}";
}
