using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Detection.Results;

namespace Vigil.Detection.Reporting;

/// <summary>Server-side SVG drawings for the HTML report: a cluster's network and its activity timeline.</summary>
internal static class SvgPictures
{
    private const int MaxNodes = 150;

    public static string Network(DetectedCluster cluster, int seed, int width = 520, int height = 420)
    {
        var degree = cluster.AccountDetails.ToDictionary(a => a.Id, a => a.Degree, StringComparer.Ordinal);
        var shown = cluster.AccountDetails.OrderByDescending(a => a.Degree).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(MaxNodes).Select(a => a.Id).ToList();
        var index = shown.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var edges = new List<(int, int, double)>();
        foreach (var edge in cluster.Edges)
        {
            if (index.TryGetValue(edge.Edge.Source, out var a) && index.TryGetValue(edge.Edge.Target, out var b))
            {
                edges.Add((a, b, edge.Edge.Weight));
            }
        }

        var positions = ForceLayout.Compute(shown.Count, edges, seed + cluster.Id);
        const int margin = 20;
        double Px(int i) => margin + (positions[i].X * (width - (2 * margin)));
        double Py(int i) => margin + (positions[i].Y * (height - (2 * margin)));
        var maxWeight = edges.Count == 0 ? 1 : edges.Max(e => e.Item3);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"network of cluster {cluster.Id}\">"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>");
        foreach (var (a, b, w) in edges)
        {
            svg.Append(Invariant($"<line x1=\"{Px(a):F1}\" y1=\"{Py(a):F1}\" x2=\"{Px(b):F1}\" y2=\"{Py(b):F1}\" stroke=\"#7a8cc4\" stroke-opacity=\"0.5\" stroke-width=\"{0.5 + (2.5 * w / maxWeight):F2}\"/>"));
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var r = 3 + Math.Min(6, Math.Sqrt(degree.GetValueOrDefault(shown[i])));
            svg.Append(Invariant($"<circle cx=\"{Px(i):F1}\" cy=\"{Py(i):F1}\" r=\"{r:F1}\" fill=\"#c0392b\"><title>{WebUtility.HtmlEncode(shown[i])}</title></circle>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Timeline(IReadOnlyList<TimelineBin> bins, int width = 520, int height = 140)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"timeline\">"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>");
        if (bins.Count > 0)
        {
            const int bottom = 20;
            var max = Math.Max(1, bins.Max(b => b.Activities));
            var barWidth = (double)width / bins.Count;
            for (var i = 0; i < bins.Count; i++)
            {
                var h = (height - bottom - 10) * (double)bins[i].Activities / max;
                svg.Append(Invariant($"<rect x=\"{i * barWidth:F1}\" y=\"{height - bottom - h:F1}\" width=\"{Math.Max(1, barWidth - 1):F1}\" height=\"{h:F1}\" fill=\"#2e86c1\"><title>{bins[i].Start:yyyy-MM-dd HH:mm}Z: {bins[i].Activities}</title></rect>"));
            }

            svg.Append(Invariant($"<text x=\"2\" y=\"{height - 5}\" font-size=\"10\">{bins[0].Start:yyyy-MM-dd HH:mm}Z</text>"));
            svg.Append(Invariant($"<text x=\"{width - 2}\" y=\"{height - 5}\" font-size=\"10\" text-anchor=\"end\">{bins[^1].Start:yyyy-MM-dd HH:mm}Z</text>"));
            svg.Append(Invariant($"<text x=\"2\" y=\"12\" font-size=\"10\">max {max} per bin</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
