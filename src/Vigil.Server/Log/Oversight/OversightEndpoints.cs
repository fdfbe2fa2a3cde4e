using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log.Oversight;

/// <summary>
/// <c>GET /api/oversight/log</c> (a filtered page of entries) and <c>GET /api/oversight/log/export?format=csv|jsonl</c>
/// (every matching entry, streamed), for the oversight role; the web page downloads from <see cref="WebExportPath"/>.
/// </summary>
internal static class OversightEndpoints
{
    public const string Path = "/api/oversight/log";

    /// <summary>The same export for the web page's download links: a page path, so the browser's session signs it in.</summary>
    public const string WebExportPath = "/oversight/export";

    public static IEndpointRouteBuilder MapOversightApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Oversight").AddEndpointFilter<OversightFilter>();
        group.MapGet("/", PageAsync);
        group.MapGet("/export", ExportAsync);
        app.MapGet(WebExportPath, ExportAsync).AddEndpointFilter<OversightFilter>().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, OversightLog oversight)
    {
        var (query, errors) = OversightQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return ApiProblems.Invalid(context, errors);
        }

        var page = await oversight.PageAsync(query, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new
        {
            entries = page.Entries.Select(e => new { index = e.Index, e.Type, at = e.At, entry = e.Entry }),
            next = page.Next,
            scanned = page.Scanned,
            log_size = page.LogSize,
        });
    }

    private static async Task<IResult> ExportAsync(HttpContext context, OversightLog oversight)
    {
        var format = context.Request.Query["format"].ToString();
        if (format is not ("csv" or "jsonl"))
        {
            return ApiProblems.Invalid(context, "format", $"'{format}' is not csv or jsonl");
        }

        var (query, errors) = OversightQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return ApiProblems.Invalid(context, errors);
        }

        context.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"vigil-log.{format}\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv")
        {
            await writer.WriteAsync("index,type,at,entry\n").ConfigureAwait(false);
        }

        await foreach (var entry in oversight.AllAsync(query, context.RequestAborted).ConfigureAwait(false))
        {
            var json = entry.Entry.GetRawText();
            var index = entry.Index.ToString(CultureInfo.InvariantCulture);
            await writer.WriteAsync(format == "csv"
                ? $"{index},{entry.Type},{entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)},\"{json.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"
                : $"{{\"index\":{index},\"entry\":{json}}}\n").ConfigureAwait(false);
        }

        return TypedResults.Empty;
    }
}
