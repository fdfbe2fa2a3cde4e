using Microsoft.AspNetCore.Http;
using Vigil.Server.Access;

namespace Vigil.Server.Rest;

internal static class RestCollections
{
    public static async Task<IResult> ListAsync(HttpContext context, ReadableCollections collections) =>
        TypedResults.Ok((await collections.ForAsync(context).ConfigureAwait(false))
            .Select(c => new RestCollection(c.Id, c.ApiRoot, c.Title, c.Description, c.DefaultTlp, context.CanWriteCollection(c)))
            .ToArray());
}
