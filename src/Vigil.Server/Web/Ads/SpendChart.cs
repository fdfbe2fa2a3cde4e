using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Server.Ads;

namespace Vigil.Server.Web.Ads;

/// <summary>
/// Server-drawn SVG charts of an advertiser's spend (no script). Over time: one column per ISO week of delivery start from the
/// first to the last week with ads, the reported lower sum solid and the range up to the upper sum lighter; every column carries
/// its figures as a tooltip and the page repeats them in a table. By region: horizontal bars of the same sums.
/// </summary>
public static class SpendChart
{
    private const int Width = 960;
    private const int Height = 260;
    private const int Left = 80;
    private const int Bottom = 36;
    private const int Top = 12;

    /// <summary>Weeks are filled in between the first and last so gaps show as gaps, up to this many columns.</summary>
    private const int MaxWeeks = 520;

    public static string OverTime(IReadOnlyList<AdvertiserSpend> byWeek, string currency)
    {
        ArgumentNullException.ThrowIfNull(byWeek);
        var weeks = Weeks(byWeek.Where(s => s.Currency == currency && s.Key is not null).ToDictionary(s => s.Key!, StringComparer.Ordinal));
        var max = Math.Max(1m, weeks.Max(w => w.Spend is { } s ? s.Upper ?? s.Lower : 0m));
        var plotWidth = Width - Left - 10;
        var plotHeight = Height - Top - Bottom;
        var column = (double)plotWidth / weeks.Count;
        var svg = new StringBuilder();
        var title = $"Spend per week of delivery start, {currency}";
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"spend-chart\" class=\"chart\" role=\"img\" aria-label=\"{Encode(title)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        Axis(svg, max, currency, plotHeight);
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Spend is not { } spend)
            {
                continue;
            }

            var x = Left + (i * column) + (column * 0.1);
            var w = Math.Max(1, column * 0.8);
            var upper = spend.Upper ?? spend.Lower;
            var upperHeight = (double)(upper / max) * plotHeight;
            var lowerHeight = (double)(spend.Lower / max) * plotHeight;
            var baseline = Top + plotHeight;
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"week\"><title>{Encode(weeks[i].Week)}: {Encode(AdText.Sum(spend))}, {spend.Ads} ads</title>" +
                $"<rect class=\"spend-range\" x=\"{x:0.#}\" y=\"{baseline - upperHeight:0.#}\" width=\"{w:0.#}\" height=\"{Math.Max(0.5, upperHeight):0.#}\" fill=\"#9dbbd9\"></rect>" +
                $"<rect class=\"spend-lower\" x=\"{x:0.#}\" y=\"{baseline - lowerHeight:0.#}\" width=\"{w:0.#}\" height=\"{lowerHeight:0.#}\" fill=\"#1f4e79\"></rect></g>");
        }

        foreach (var i in Ticks(weeks.Count))
        {
            var x = Left + (i * column) + (column / 2);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.#}\" y=\"{Height - 12}\" font-size=\"12\" text-anchor=\"middle\">{Encode(weeks[i].Week)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string ByRegion(IReadOnlyList<AdvertiserSpend> byRegion, string currency)
    {
        ArgumentNullException.ThrowIfNull(byRegion);
        const int BarHeight = 20, Gap = 6, LabelWidth = 240, BarSpace = 520;
        var regions = byRegion.Where(s => s.Currency == currency).ToList();
        var max = Math.Max(1m, regions.Max(r => r.Upper ?? r.Lower));
        var height = (regions.Count * (BarHeight + Gap)) + 10;
        var title = $"Spend by region, {currency}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"region-chart\" class=\"chart\" role=\"img\" aria-label=\"{Encode(title)}\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            var y = 5 + (i * (BarHeight + Gap));
            var upper = (double)((r.Upper ?? r.Lower) / max) * BarSpace;
            var lower = (double)(r.Lower / max) * BarSpace;
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"region\"><title>{Encode(r.Key ?? "?")}: {Encode(AdText.Sum(r))}</title>" +
                $"<text x=\"0\" y=\"{y + 15}\" font-size=\"13\">{Encode(Shorten(r.Key ?? "?"))}</text>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(1, upper):0.#}\" height=\"{BarHeight}\" fill=\"#9dbbd9\"></rect>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{lower:0.#}\" height=\"{BarHeight}\" fill=\"#1f4e79\"></rect>" +
                $"<text x=\"{LabelWidth + 8 + Math.Max(1, upper):0.#}\" y=\"{y + 15}\" font-size=\"13\">{Encode(AdText.Sum(r))}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Axis(StringBuilder svg, decimal max, string currency, int plotHeight)
    {
        var baseline = Top + plotHeight;
        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - 10}\" y2=\"{baseline}\" stroke=\"#555\"></line>" +
            $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{baseline}\" stroke=\"#555\"></line>" +
            $"<text x=\"{Left - 6}\" y=\"{Top + 10}\" font-size=\"12\" text-anchor=\"end\">{Encode(AdText.Amount(max))}</text>" +
            $"<text x=\"{Left - 6}\" y=\"{Top + 24}\" font-size=\"12\" text-anchor=\"end\">{Encode(currency)}</text>" +
            $"<text x=\"{Left - 6}\" y=\"{baseline}\" font-size=\"12\" text-anchor=\"end\">0</text>");
    }

    /// <summary>Every ISO week from the first to the last key (or only the keys, when that would be too many columns).</summary>
    private static List<(string Week, AdvertiserSpend? Spend)> Weeks(Dictionary<string, AdvertiserSpend> byKey)
    {
        var keys = byKey.Keys.Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0 || !TryWeek(keys[0], out var first) || !TryWeek(keys[^1], out var last) || (last - first).TotalDays / 7 > MaxWeeks)
        {
            return [.. keys.Select(k => (k, (AdvertiserSpend?)byKey[k]))];
        }

        var weeks = new List<(string, AdvertiserSpend?)>();
        for (var monday = first; monday <= last; monday = monday.AddDays(7))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(monday)}-W{ISOWeek.GetWeekOfYear(monday):00}");
            weeks.Add((key, byKey.GetValueOrDefault(key)));
        }

        return weeks;
    }

    private static bool TryWeek(string key, out DateTime monday)
    {
        monday = default;
        if (key.Length != 8 || key[4] != '-' || key[5] != 'W'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || week is < 1 or > 53 || year is < 1 or > 9998)
        {
            return false;
        }

        monday = ISOWeek.ToDateTime(year, week, DayOfWeek.Monday);
        return true;
    }

    /// <summary>Up to six evenly spaced column indexes to label, always the first and the last.</summary>
    private static IEnumerable<int> Ticks(int count)
    {
        if (count <= 6)
        {
            return Enumerable.Range(0, count);
        }

        return Enumerable.Range(0, 6).Select(i => (int)Math.Round(i * (count - 1) / 5.0)).Distinct();
    }

    private static string Shorten(string label) => label.Length > 32 ? label[..31] + "…" : label;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
