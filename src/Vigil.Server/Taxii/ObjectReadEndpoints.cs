using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Access;
using Vigil.Server.Log.Reads;
using Vigil.Storage.Objects;

namespace Vigil.Server.Taxii;

/// <summary>Get objects (5.3), get an object (5.5), object versions (5.8) and the manifest (5.6): one policy-aware query each.</summary>
internal static class ObjectReadEndpoints
{
    public const string DateAddedFirstHeader = "X-TAXII-Date-Added-First";
    public const string DateAddedLastHeader = "X-TAXII-Date-Added-Last";

    public static Task<IResult> ObjectsAsync(HttpContext context, string apiRoot, string collectionId, [FromServices] CollectionLookup collections,
        [FromServices] IObjectStore objects) =>
        RunAsync(context, apiRoot, collectionId, null, collections, objects, Shape.Objects);

    public static Task<IResult> ObjectAsync(HttpContext context, string apiRoot, string collectionId, string objectId,
        [FromServices] CollectionLookup collections, [FromServices] IObjectStore objects) =>
        RunAsync(context, apiRoot, collectionId, objectId, collections, objects, Shape.Objects);

    public static Task<IResult> VersionsAsync(HttpContext context, string apiRoot, string collectionId, string objectId,
        [FromServices] CollectionLookup collections, [FromServices] IObjectStore objects) =>
        RunAsync(context, apiRoot, collectionId, objectId, collections, objects, Shape.Versions);

    public static Task<IResult> ManifestAsync(HttpContext context, string apiRoot, string collectionId, [FromServices] CollectionLookup collections,
        [FromServices] IObjectStore objects) =>
        RunAsync(context, apiRoot, collectionId, null, collections, objects, Shape.Manifest);

    private enum Shape
    {
        Objects,
        Versions,
        Manifest,
    }

    private static async Task<IResult> RunAsync(HttpContext context, string apiRoot, string collectionId, string? objectId,
        CollectionLookup collections, IObjectStore objects, Shape shape)
    {
        var (filters, filterError) = TaxiiFilters.Parse(context.Request.Query);
        if (filters is null)
        {
            return filterError!;
        }

        var (collection, accessError) = await CollectionAccess.ResolveAsync(context, collections, apiRoot, collectionId, write: false).ConfigureAwait(false);
        if (collection is null)
        {
            return accessError!;
        }

        var query = new ObjectQuery
        {
            Reader = context.GetReader(),
            CollectionIds = [collection.Id],
            Ids = objectId is null ? filters.Ids : [objectId],
            Types = objectId is null ? filters.Types : [],
            SpecVersions = filters.SpecVersions,
            Versions = shape == Shape.Versions ? VersionMatch.All : filters.Versions ?? VersionMatch.Last,
            AddedAfter = filters.AddedAfter,
            Next = filters.Next,
            Limit = filters.Limit,
            IncludeJson = false,
        };
        if (shape == Shape.Objects)
        {
            var raw = await objects.QueryRawAsync(query, context.RequestAborted).ConfigureAwait(false);
            await context.RequestServices.GetRequiredService<ReadAuditor>()
                .RecordAsync(context.GetCaller(), raw.Items.Select(o => (o.ObjectId, o.AuthorOrgId)), context.RequestAborted).ConfigureAwait(false);
            return objectId is not null && raw.Items.Count == 0 && filters.Next is null
                ? NotFound(objectId, collectionId)
                : TaxiiJsonResult.Ok(json => WriteObjects(json, raw), DateHeaders(raw.DateAddedFirst, raw.DateAddedLast));
        }

        var page = await objects.QueryAsync(query, context.RequestAborted).ConfigureAwait(false);
        return objectId is not null && page.Items.Count == 0 && filters.Next is null
            ? NotFound(objectId, collectionId)
            : TaxiiJsonResult.Ok(json => Write(json, page, shape), DateHeaders(page.DateAddedFirst, page.DateAddedLast));
    }

    private static IResult NotFound(string objectId, string collectionId) =>
        TaxiiError.NotFound($"No object '{objectId}' that you may see matches in collection '{collectionId}'.");

    private static List<KeyValuePair<string, string>>? DateHeaders(string? first, string? last) =>
        first is null || last is null ? null : [new(DateAddedFirstHeader, first), new(DateAddedLastHeader, last)];

    private static void WriteObjects(Utf8JsonWriter json, RawObjectPage page)
    {
        json.WriteStartObject();
        json.WriteBoolean("more", page.More);
        if (page.Next is not null)
        {
            json.WriteString("next", page.Next);
        }

        json.WriteStartArray("objects");
        foreach (var item in page.Items)
        {
            json.WriteRawValue(item.Utf8Json, skipInputValidation: true);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, ObjectPage page, Shape shape)
    {
        json.WriteStartObject();
        json.WriteBoolean("more", page.More);
        if (page.Next is not null)
        {
            json.WriteString("next", page.Next);
        }

        switch (shape)
        {
            case Shape.Versions:
                json.WriteStartArray("versions");
                foreach (var item in page.Items)
                {
                    json.WriteStringValue(item.Version);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStartArray("objects");
                foreach (var item in page.Items)
                {
                    json.WriteStartObject();
                    json.WriteString("id", item.Id);
                    json.WriteString("date_added", item.DateAdded);
                    json.WriteString("version", item.Version);
                    json.WriteString("media_type", item.MediaType);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }
}
