using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Access;
using Vigil.Storage.Objects;

namespace Vigil.Server.Taxii;

/// <summary>Get status (section 4.3): only the organization that posted the envelope sees its status.</summary>
internal static class StatusEndpoints
{
    public static async Task<IResult> GetAsync(HttpContext context, string apiRoot, string statusId, [FromServices] IObjectStore objects)
    {
        if (context.GetCaller() is null)
        {
            return TaxiiError.Unauthorized("Sign in to read the status of an envelope you posted.");
        }

        var status = await objects.GetStatusAsync(context.GetReader(), statusId, context.RequestAborted).ConfigureAwait(false);
        return status is null
            ? TaxiiError.NotFound($"No status '{statusId}' for an envelope your organization posted under API root '{apiRoot}'.")
            : TaxiiJsonResult.Ok(json => StatusResource.Write(json, status));
    }
}
