using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Privacy;
using Vigil.Storage.Objects;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Taxii;

/// <summary>Add objects (section 5.4, all-or-nothing, status kept in the database) and delete an object (section 5.7).</summary>
internal static class ObjectWriteEndpoints
{
    public static async Task<IResult> AddAsync(HttpContext context, string apiRoot, string collectionId, [FromServices] CollectionLookup collections,
        [FromServices] IObjectStore objects, [FromServices] IPolicyStore policies, [FromServices] ServerOptions options)
    {
        var (collection, accessError) = await CollectionAccess.ResolveAsync(context, collections, apiRoot, collectionId, write: true).ConfigureAwait(false);
        if (collection is null)
        {
            return accessError!;
        }

        if (!TaxiiMedia.IsEnvelopeContentType(context.Request))
        {
            return TaxiiError.UnsupportedMediaType(context.Request.ContentType);
        }

        var (submissions, bodyError) = await EnvelopeBody.ReadAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (submissions is null)
        {
            return bodyError!;
        }

        var writer = context.GetReader();
        var policy = await policies.GetCurrentAsync(context.RequestAborted).ConfigureAwait(false);
        var result = await objects.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = writer,
            Collection = collection,
            Objects = submissions,
            Policy = policy,
        }, context.RequestAborted).ConfigureAwait(false);
        if (!result.Stored)
        {
            var details = result.Failures.Select(f => f.Message).ToList();
            var refusals = PolicyRefusals.Of(result);
            if (refusals.Count > 0)
            {
                await PolicyRefusals.RecordAsync(policies, result, writer.OrgId!, policy).ConfigureAwait(false);
                return TaxiiError.PolicyRefused($"The data-minimization policy refused the envelope and nothing was stored: {refusals[0].Message}", details, refusals);
            }

            return TaxiiError.Unprocessable($"The envelope was refused and nothing was stored: {details[0]}", details);
        }

        var status = result.Status!;
        return new TaxiiJsonResult(StatusCodes.Status202Accepted, json => StatusResource.Write(json, status));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string apiRoot, string collectionId, string objectId,
        [FromServices] CollectionLookup collections, [FromServices] IObjectStore objects)
    {
        var (filters, filterError) = TaxiiFilters.Parse(context.Request.Query);
        if (filters is null)
        {
            return filterError!;
        }

        var (collection, accessError) = await CollectionAccess.ResolveAsync(context, collections, apiRoot, collectionId, write: true).ConfigureAwait(false);
        if (collection is null)
        {
            return accessError!;
        }

        // TAXII's DELETE removes the versions outright (no tombstone); the deletion reaches the transparency log as data-deleted.
        var caller = context.GetCaller();
        var deletedBy = caller?.User is { } user ? "user:" + user.Id : caller?.Key is { } key ? "key:" + key.Id : "org:" + context.GetReader().OrgId;
        var outcome = await objects.DeleteAsync(context.GetReader(), collection.Id, objectId, filters.Versions ?? VersionMatch.All, deletedBy, context.RequestAborted)
            .ConfigureAwait(false);
        return outcome switch
        {
            DeleteOutcome.Deleted => new TaxiiJsonResult(StatusCodes.Status200OK, json =>
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }),
            DeleteOutcome.Forbidden => TaxiiError.Forbidden($"Only the organization that shared '{objectId}' may delete its versions."),
            _ => TaxiiError.NotFound($"No object '{objectId}' that you may see matches in collection '{collectionId}'."),
        };
    }
}
