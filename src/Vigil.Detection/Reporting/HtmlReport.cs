using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Detection.Results;

namespace Vigil.Detection.Reporting;

/// <summary>A self-contained HTML report: summary, method, signals, and per cluster a network picture, a timeline and the evidence.</summary>
internal static class HtmlReport
{
    private const int MaxClusters = 25;
    private const int MaxEdgesShown = 30;

    public static string Render(DetectionResult result, int seed)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Coordinated behaviour report</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px}table{border-collapse:collapse;margin:.5rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.2rem .5rem;font-size:.85rem;text-align:left;vertical-align:top}")
            .Append("section{border-top:2px solid #444;margin-top:2rem}.pics{display:flex;gap:1rem;flex-wrap:wrap}code{font-size:.8rem}")
            .Append("</style></head><body><h1>Coordinated behaviour report</h1>");
        var s = result.Summary;
        html.Append("<table><tr><th>Activities</th><th>Accounts read</th><th>Accounts in network</th><th>Edges</th><th>Components</th><th>Clusters</th></tr>")
            .Append(Row(s.Activities, s.InputAccounts, s.Accounts, s.Edges, s.Components, s.Clusters)).Append("</table>");
        if (result.FirstActivity is { } first && result.LastActivity is { } last)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Activity from {first:u} to {last:u}.</p>");
        }

        html.Append("<h2>Method</h2><p>").Append(Encode(result.Method)).Append("</p>");
        html.Append("<h2>Signals</h2><table><tr><th>Signal</th><th>Window (s)</th><th>Min co-actions</th><th>Occurrences</th><th>Items</th><th>Co-action slots</th><th>Candidate edges</th><th>Kept edges</th><th>Items capped</th><th>Pairs skipped by cap</th></tr>");
        foreach (var signal in result.Signals)
        {
            html.Append(Row(signal.Signal, signal.WindowSeconds, signal.MinCoActions, signal.Occurrences, signal.Items, signal.CoActionSlots,
                signal.CandidateEdges, signal.SignificantEdges, signal.ItemsCapped, signal.PairsSkippedByCap));
        }

        html.Append("</table><h2>Account-level signals (all accounts)</h2><table>");
        foreach (var (flag, count) in result.AccountSignalCounts)
        {
            html.Append(Row(flag, count));
        }

        html.Append("</table>");
        if (result.Clusters.Count == 0)
        {
            html.Append("<p>No coordinated clusters found.</p>");
        }

        foreach (var cluster in result.Clusters.Take(MaxClusters))
        {
            AppendCluster(html, cluster, seed);
        }

        if (result.Clusters.Count > MaxClusters)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{result.Clusters.Count - MaxClusters} more clusters are in report.json.</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void AppendCluster(StringBuilder html, DetectedCluster cluster, int seed)
    {
        var c = cluster.Counts;
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>Cluster {cluster.Rank} — score {cluster.Score:F2}</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p>{c.Accounts} accounts, {c.Edges} edges, {c.CoActions} co-actions, {c.Activities} activities, {c.SharedItems} shared items; ")
            .Append(CultureInfo.InvariantCulture, $"active {cluster.FirstActivity:u} – {cluster.LastActivity:u}.</p>");
        html.Append("<div class=\"pics\"><figure>").Append(SvgPictures.Network(cluster, seed)).Append("<figcaption>Network (force-directed)</figcaption></figure>")
            .Append("<figure>").Append(SvgPictures.Timeline(cluster.Timeline)).Append("<figcaption>Activity of the cluster's accounts over time</figcaption></figure></div>");
        html.Append("<h3>Strongest signals</h3><table><tr><th>Signal</th><th>Edges</th><th>Co-actions</th><th>Max −log10 p</th></tr>");
        foreach (var signal in cluster.StrongestSignals)
        {
            html.Append(Row(signal.Signal, signal.Edges, signal.CoActions, signal.MaxStrength.ToString("F1", CultureInfo.InvariantCulture)));
        }

        html.Append("</table><h3>Accounts</h3><table><tr><th>Account</th><th>Handle</th><th>Created</th><th>Activities</th><th>Degree</th><th>Flags</th></tr>");
        foreach (var account in cluster.AccountDetails.OrderByDescending(a => a.Degree))
        {
            html.Append(Row(account.Id, account.Handle ?? "", account.CreatedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                account.Activities, account.Degree, string.Join(", ", account.Flags)));
        }

        html.Append("</table><h3>Shared items</h3><table><tr><th>Signal</th><th>Item</th><th>Accounts</th><th>Shares</th><th>First</th><th>Last</th></tr>");
        foreach (var item in cluster.SharedItems)
        {
            html.Append(Row(item.Signal, item.Labels.Count == 0 ? item.Item : item.Item + " [" + string.Join("; ", item.Labels) + "]", item.Accounts, item.Shares,
                item.First.ToString("u", CultureInfo.InvariantCulture), item.Last.ToString("u", CultureInfo.InvariantCulture)));
        }

        html.Append("</table><h3>Edges and their evidence</h3><table><tr><th>Accounts</th><th>Weight</th><th>Signals</th><th>Evidence (item: time, time)</th></tr>");
        foreach (var edge in cluster.Edges.Take(MaxEdgesShown))
        {
            var evidence = string.Join("<br>", edge.Evidence.Select(e =>
                $"{Encode(e.Signal)} <code>{Encode(Shorten(e.Item))}</code>: {e.SourceTime:u}, {e.TargetTime:u}"));
            html.Append("<tr><td>").Append(Encode(edge.Edge.Source)).Append(" — ").Append(Encode(edge.Edge.Target)).Append("</td><td>")
                .Append(edge.Edge.Weight.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Encode(string.Join(", ", edge.Edge.Signals.Select(p => $"{p.Key} {p.Value}")))).Append("</td><td>")
                .Append(evidence).Append("</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static string Row(params object[] cells)
    {
        var row = new StringBuilder("<tr>");
        foreach (var cell in cells)
        {
            row.Append("<td>").Append(Encode(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")).Append("</td>");
        }

        return row.Append("</tr>").ToString();
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
