using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Storage.Members;

namespace Vigil.Server.Rest;

/// <summary>The collections the current caller may read (collection lists and API key scopes), across all API roots.</summary>
public sealed class ReadableCollections(IMemberStore members)
{
    public async Task<IReadOnlyList<Collection>> ForAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = await members.ListAllCollectionsAsync(context.RequestAborted).ConfigureAwait(false);
        var readable = new List<Collection>(all.Count);
        foreach (var collection in all)
        {
            if (context.CanReadCollection(collection))
            {
                readable.Add(collection);
            }
        }

        return readable;
    }
}
