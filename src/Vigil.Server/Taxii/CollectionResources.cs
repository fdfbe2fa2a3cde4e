using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Storage.Members;

namespace Vigil.Server.Taxii;

/// <summary>Get collections (section 5.1) and get a collection (section 5.2): only those the caller may read or write.</summary>
internal static class CollectionResources
{
    public static async Task<IResult> ListAsync(HttpContext context, string apiRoot, [FromServices] IMemberStore members)
    {
        var all = await members.ListCollectionsAsync(apiRoot, context.RequestAborted).ConfigureAwait(false);
        var visible = new List<Collection>(all.Count);
        foreach (var collection in all)
        {
            if (context.CanReadCollection(collection) || context.CanWriteCollection(collection))
            {
                visible.Add(collection);
            }
        }

        if (visible.Count == 0 && context.GetCaller() is null && all.Count > 0)
        {
            return TaxiiError.Unauthorized("Sign in to list this API root's collections.");
        }

        return TaxiiJsonResult.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("collections");
            foreach (var collection in visible)
            {
                Write(json, context, collection);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context, string apiRoot, string collectionId, [FromServices] CollectionLookup collections)
    {
        var collection = await collections.GetAsync(apiRoot, collectionId, context.RequestAborted).ConfigureAwait(false);
        if (collection is null || !(context.CanReadCollection(collection) || context.CanWriteCollection(collection)))
        {
            var (_, error) = await CollectionAccess.ResolveAsync(context, collections, apiRoot, collectionId, write: false).ConfigureAwait(false);
            return error ?? TaxiiError.NotFound($"No collection '{collectionId}' under API root '{apiRoot}'.");
        }

        return TaxiiJsonResult.Ok(json => Write(json, context, collection));
    }

    private static void Write(Utf8JsonWriter json, HttpContext context, Collection collection)
    {
        json.WriteStartObject();
        json.WriteString("id", collection.Id);
        json.WriteString("title", collection.Title);
        if (collection.Description is not null)
        {
            json.WriteString("description", collection.Description);
        }

        if (collection.Alias is not null)
        {
            json.WriteString("alias", collection.Alias);
        }

        json.WriteBoolean("can_read", context.CanReadCollection(collection));
        json.WriteBoolean("can_write", context.CanWriteCollection(collection));
        json.WriteStartArray("media_types");
        json.WriteStringValue(TaxiiMedia.Stix21);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
