using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;

namespace Vigil.Server.Taxii;

/// <summary>
/// Finds a collection and checks the caller may read (or write) it: 401 for an anonymous caller on anything not
/// publicly readable, 404 for an unknown collection, 403 when the organization (or its API key) lacks access.
/// </summary>
internal static class CollectionAccess
{
    public static async Task<(Collection? Collection, TaxiiError? Error)> ResolveAsync(HttpContext context, CollectionLookup collections, string apiRoot,
        string collectionId, bool write)
    {
        var collection = await collections.GetAsync(apiRoot, collectionId, context.RequestAborted).ConfigureAwait(false);
        if (context.GetCaller() is null && (collection is null || write || !collection.PublicRead))
        {
            return (null, TaxiiError.Unauthorized("Sign in to use this collection: HTTP Basic (user and password, or any user and an API key) or Bearer with an API key."));
        }

        if (collection is null)
        {
            return (null, TaxiiError.NotFound($"No collection '{collectionId}' under API root '{apiRoot}'."));
        }

        if (write ? !context.CanWriteCollection(collection) : !context.CanReadCollection(collection))
        {
            return (null, TaxiiError.Forbidden($"Your organization (or API key) may not {(write ? "add objects to" : "read")} collection '{collectionId}'."));
        }

        return (collection, null);
    }
}
