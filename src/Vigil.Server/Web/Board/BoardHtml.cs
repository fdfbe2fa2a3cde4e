using System.Globalization;
using System.Net;
using System.Text;

namespace Vigil.Server.Web.Board;

/// <summary>The board's markup, rendered the same way for the first page load and for every live update.</summary>
public static class BoardHtml
{
    public static string Render(BoardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var html = new StringBuilder();
        html.Append("<div class=\"board-grid\">");
        Counts(html, "open-by-type", "Open cases by type", state.OpenByType);
        Counts(html, "open-by-jurisdiction", "Open cases by jurisdiction", state.OpenByJurisdiction);
        Counts(html, "by-status", "Cases by status", state.ByStatus);
        html.Append("</div><section aria-labelledby=\"board-requests\"><h2 id=\"board-requests\">Open requests</h2>");
        if (state.OpenRequests.Count == 0)
        {
            html.Append("<p>No open requests.</p>");
        }
        else
        {
            html.Append("<table class=\"objects board-requests\"><thead><tr><th scope=\"col\">Request</th><th scope=\"col\">Kind</th><th scope=\"col\">Deadline</th><th scope=\"col\">Time</th></tr></thead><tbody>");
            foreach (var item in state.OpenRequests)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-sla=\"{item.Sla}\"><td><a href=\"{E(Response.ResponseLinks.Request(item.Request.Id))}\">{E(item.Request.Subject)}</a></td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{E(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(item.Request.Kind.ToString()).Replace('-', ' '))}</td><td>{E(item.Request.Deadline?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "none")}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td><span class=\"sla sla-{item.Sla}\">{E(item.Remaining)}</span></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section><section aria-labelledby=\"board-feed\"><h2 id=\"board-feed\">Latest</h2><ol class=\"feed\">");
        foreach (var item in state.Feed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><time datetime=\"{item.At:O}\">{item.At:HH:mm}</time> <a href=\"{E(item.Link)}\">{E(item.Text)}</a></li>");
        }

        return html.Append("</ol></section>").ToString();
    }

    private static void Counts(StringBuilder html, string id, string title, IReadOnlyList<(string Label, int Count)> counts)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"board-counts\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{E(title)}</h2>");
        if (counts.Count == 0)
        {
            html.Append("<p>None.</p></section>");
            return;
        }

        html.Append("<ul>");
        foreach (var (label, count) in counts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"count\">{count}</span> {E(label)}</li>");
        }

        html.Append("</ul></section>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
