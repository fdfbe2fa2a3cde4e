using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Core.Stix.Ids;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;
using Vigil.Storage.Correlation;

namespace Vigil.Server.Correlation;

/// <summary><c>GET /api/rest/objects/{id}/correlated</c>: 404 when the caller may not see the object, so its existence is not revealed.</summary>
internal static class CorrelatedObjects
{
    public static async Task<IResult> GetAsync(string id, HttpContext context, [FromServices] ICorrelationStore correlation,
        [FromServices] ReadableCollections readable)
    {
        if (!StixId.TryParse(id, out _))
        {
            return ApiProblems.Invalid(context, "id", $"'{id}' is not a STIX identifier (type--UUID)");
        }

        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        var keys = collections.Length == 0
            ? null
            : await correlation.GetCorrelatedAsync(id, context.GetReader(), collections, context.RequestAborted).ConfigureAwait(false);
        return keys is null
            ? ApiProblems.NotFound(context, $"No object {id} that you may see.")
            : TypedResults.Ok(new CorrelatedAnswer(id, keys));
    }
}
