using System.Globalization;
using System.Text;
using Vigil.Detection.Results;

namespace Vigil.Detection.Stix;

/// <summary>The human-readable evidence summaries of a detection bundle's report and campaigns.</summary>
internal static class EvidenceText
{
    private const int ClustersInReport = 10;

    public static string Report(DetectionResult result)
    {
        var s = result.Summary;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Coordinated-behaviour detection over {s.Activities:N0} activities by {s.InputAccounts:N0} accounts");
        if (result.FirstActivity is { } first && result.LastActivity is { } last)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Time(first)} to {Time(last)}");
        }

        text.Append(CultureInfo.InvariantCulture,
            $". Coordination network: {s.Accounts:N0} accounts, {s.Edges:N0} edges, {s.Components:N0} connected components, {s.Clusters:N0} clusters.");
        text.Append(" Method: ").Append(result.Method);
        foreach (var cluster in result.Clusters.Take(ClustersInReport))
        {
            text.Append("\n\nCluster ").Append(cluster.Rank.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(Campaign(cluster));
        }

        if (result.Clusters.Count > ClustersInReport)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n… and {result.Clusters.Count - ClustersInReport:N0} more clusters, each a campaign in this report.");
        }

        return text.ToString();
    }

    public static string Campaign(DetectedCluster cluster)
    {
        var c = cluster.Counts;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{c.Accounts:N0} accounts joined by {c.Edges:N0} edges ({c.CoActions:N0} co-actions, {c.Activities:N0} activities), score {cluster.Score:0.##}");
        if (HasTimes(cluster))
        {
            text.Append(CultureInfo.InvariantCulture, $", active {Time(cluster.FirstActivity)} to {Time(cluster.LastActivity)}");
        }

        text.Append('.');
        if (cluster.StrongestSignals.Count > 0)
        {
            text.Append(" Strongest signals: ").AppendJoin("; ", cluster.StrongestSignals.Take(5).Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Signal} ({g.Edges:N0} edges, {g.CoActions:N0} co-actions, −log10 p up to {g.MaxStrength:0.#})"))).Append('.');
        }

        if (cluster.SharedItems.Count > 0)
        {
            text.Append(" Most shared: ").AppendJoin("; ", cluster.SharedItems.Take(3).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"{i.Signal} '{i.Item}' by {i.Accounts:N0} accounts ({i.Shares:N0} shares)"))).Append('.');
        }

        var flagged = cluster.AccountDetails.Count(a => a.Flags.Count > 0);
        if (flagged > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {flagged:N0} accounts carry account-level flags (creation bursts, handle patterns, off-hour posting).");
        }

        return text.ToString();
    }

    public static bool HasTimes(DetectedCluster cluster) => cluster.FirstActivity.ToUnixTimeSeconds() > 0;

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
