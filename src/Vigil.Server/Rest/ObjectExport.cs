using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Log.Reads;
using Vigil.Storage.Objects;

namespace Vigil.Server.Rest;

/// <summary>
/// Streams every object a search matches, without paging, as a STIX 2.1 bundle or as JSON Lines. It walks the same
/// policy-aware keyset query page by page, so memory stays flat however large the export.
/// </summary>
internal static class ObjectExport
{
    private const int PageSize = 1000;

    public static async Task ExportAsync(HttpContext context, [FromServices] IObjectStore objects, [FromServices] ReadableCollections readable)
    {
        var format = context.Request.Query["format"].ToString();
        if (format.Length == 0)
        {
            format = "bundle";
        }

        if (format is not ("bundle" or "jsonl"))
        {
            await ApiProblems.Invalid(context, new Dictionary<string, string[]>
            {
                ["format"] = [$"'{format}' is not an export format; use bundle or jsonl"],
            }).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (parameters, query, problem) = await ObjectSearch.BuildQueryAsync(context, readable).ConfigureAwait(false);
        if (problem is not null)
        {
            await problem.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var bundle = format == "bundle";
        context.Response.ContentType = bundle ? "application/stix+json;version=2.1" : "application/x-ndjson";
        context.Response.Headers.ContentDisposition = bundle ? "attachment; filename=\"vigil-export.json\"" : "attachment; filename=\"vigil-export.jsonl\"";
        var body = context.Response.BodyWriter;
        var cancellation = context.RequestAborted;
        if (bundle)
        {
            Write(body, "{\"type\":\"bundle\",\"id\":\"bundle--" + Guid.NewGuid().ToString("D") + "\",\"objects\":[");
        }

        var auditor = context.RequestServices.GetRequiredService<ReadAuditor>();
        var caller = context.GetCaller();
        var first = true;
        var page = query is null ? null : query with { Limit = PageSize, Next = null };
        while (page is not null)
        {
            var result = await objects.QueryAsync(page, cancellation).ConfigureAwait(false);
            await auditor.RecordAsync(caller, result.Items.Select(o => (o.Id, o.AuthorOrgId)), cancellation).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                if (item.Json is null || (parameters!.Label is { } label && !RestHits.HasLabel(RestHits.From(item).Object, label)))
                {
                    continue;
                }

                Write(body, bundle ? (first ? item.Json : "," + item.Json) : item.Json + "\n");
                first = false;
            }

            await body.FlushAsync(cancellation).ConfigureAwait(false);
            page = result.More && result.Next is { } next ? page with { Next = next } : null;
        }

        if (bundle)
        {
            Write(body, "]}");
        }

        await body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private static void Write(System.IO.Pipelines.PipeWriter writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        writer.Advance(written);
    }
}
