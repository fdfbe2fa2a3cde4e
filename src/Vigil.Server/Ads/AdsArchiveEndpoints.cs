using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Ads.Export;
using Vigil.Ads.Json;
using Vigil.Ads.Search;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ads;

/// <summary>
/// <c>GET /public/ads_archive</c> and its export, ad and version endpoints. No sign-in: the archive is public. Parameters are
/// Meta's (<see cref="AdsArchiveQueryParser"/>); a malformed one is a 400 problem naming it.
/// </summary>
internal static class AdsArchiveEndpoints
{
    public static async Task<IResult> SearchAsync(HttpContext context, [FromServices] IAdArchive archive, [FromServices] TimeProvider time,
        [FromServices] Enrichment.EnrichmentSources sources)
    {
        if (!TryQuery(context, out var query, out var problem))
        {
            return problem;
        }

        var page = await archive.SearchAsync(query, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        var request = context.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{AdsApi.Prefix}";
        return TypedResults.Stream(
            stream => AdsArchiveResponseWriter.WriteAsync(stream, page, query, baseUrl, context.RequestAborted, sources.Registry), "application/json; charset=utf-8");
    }

    public static IResult ExportAsync(HttpContext context, [FromServices] IAdArchive archive, [FromServices] TimeProvider time)
    {
        var format = context.Request.Query["format"].ToString();
        if (format.Length == 0)
        {
            format = "csv";
        }

        if (format is not ("csv" or "jsonl" or "json"))
        {
            return ApiProblems.Invalid(context, "format", $"'{format}' is not csv, jsonl or json");
        }

        if (!TryQuery(context, out var query, out var problem))
        {
            return problem;
        }

        var fields = context.Request.Query.ContainsKey("fields") ? query.Fields : AdField.All;
        var ads = archive.StreamAsync(query, time.GetUtcNow(), context.RequestAborted);
        var cancel = context.RequestAborted;
        return format switch
        {
            "csv" => TypedResults.Stream(async s => await AdCsvWriter.WriteAsync(ads, s, cancel).ConfigureAwait(false), "text/csv; charset=utf-8", "ads_archive.csv"),
            "jsonl" => TypedResults.Stream(async s => await AdJsonLinesWriter.WriteAsync(ads, s, cancel, fields).ConfigureAwait(false),
                "application/jsonl; charset=utf-8", "ads_archive.jsonl"),
            _ => TypedResults.Stream(s => WriteJsonAsync(ads, s, fields, cancel), "application/json; charset=utf-8", "ads_archive.json"),
        };
    }

    public static async Task<IResult> GetAdAsync(HttpContext context, string platform, string id, [FromServices] IAdArchive archive,
        [FromServices] Enrichment.EnrichmentSources sources)
    {
        var fields = AdField.All;
        if (context.Request.Query.ContainsKey("fields"))
        {
            if (!TryQuery(context, out var query, out var problem))
            {
                return problem;
            }

            fields = query.Fields;
        }

        var ad = await archive.GetAsync(platform, id, context.RequestAborted).ConfigureAwait(false);
        if (ad is null)
        {
            return ApiProblems.NotFound(context, $"No ad '{id}' from platform '{platform}' is in the archive.");
        }

        return TypedResults.Stream(async s =>
        {
            await using var writer = new Utf8JsonWriter(s);
            AdJsonWriter.Write(writer, ad, fields, sources.Registry);
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }, "application/json; charset=utf-8");
    }

    public static async Task<IResult> GetVersionsAsync(HttpContext context, string platform, string id, [FromServices] IAdArchive archive)
    {
        var versions = await archive.GetVersionsAsync(platform, id, context.RequestAborted).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return ApiProblems.NotFound(context, $"No ad '{id}' from platform '{platform}' is in the archive.");
        }

        return TypedResults.Stream(async s =>
        {
            await using var writer = new Utf8JsonWriter(s);
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var version in versions)
            {
                AdJsonWriter.Write(writer, version, AdField.All);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }, "application/json; charset=utf-8");
    }

    internal static bool TryQuery(HttpContext context, out AdsArchiveQuery query, out IResult problem)
    {
        var parameters = context.Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        if (AdsArchiveQueryParser.TryParse(parameters, out query, out var error))
        {
            problem = null!;
            return true;
        }

        problem = ApiProblems.Invalid(context, error!.Parameter, error.Message);
        return false;
    }

    /// <summary>Every match as one <c>{"data":[…]}</c> document, flushed as it goes so memory stays flat.</summary>
    private static async Task WriteJsonAsync(IAsyncEnumerable<Vigil.Ads.Model.Ad> ads, Stream stream, AdField fields, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        await foreach (var ad in ads.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            AdJsonWriter.Write(writer, ad, fields);
            if (writer.BytesPending > 1 << 15)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
