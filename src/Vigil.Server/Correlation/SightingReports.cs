using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Validation;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Privacy;
using Vigil.Server.Rest;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Correlation;

/// <summary>
/// <c>POST /api/rest/sightings</c>: builds a STIX sighting authored by the caller's organization and stores it through
/// <see cref="IObjectStore"/> exactly as a TAXII share would be stored (same checks, same transaction, same indexing).
/// </summary>
internal static class SightingReports
{
    /// <summary>STIX 2.1 bounds <c>count</c> to 0..999,999,999.</summary>
    private const int MaxCount = 999_999_999;

    public static async Task<IResult> PostAsync(HttpContext context, [FromServices] IObjectStore objects, [FromServices] IMemberStore members,
        [FromServices] ReadableCollections readable, [FromServices] IPolicyStore policies, [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        [FromServices] TimeProvider? time = null)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        SightingRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SightingRequest>(context.Request.Body, json.Value.SerializerOptions, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return ApiProblems.Invalid(context, e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", "not acceptable JSON: " + e.Message);
        }

        if (request is null)
        {
            return ApiProblems.Invalid(context, "body", "send a JSON object with sighting_of_ref and collection");
        }

        var errors = Check(request);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        var collection = (await members.ListAllCollectionsAsync(context.RequestAborted).ConfigureAwait(false)).FirstOrDefault(c => c.Id == request.Collection);
        if (collection is null || !context.CanReadCollection(collection))
        {
            return ApiProblems.NotFound(context, $"collection: no collection '{request.Collection}' that you may use.");
        }

        if (!context.CanWriteCollection(collection))
        {
            return ApiProblems.Forbidden(context, $"collection: your organization may not write collection '{collection.Id}'.");
        }

        if (!await IsVisibleAsync(context, objects, readable, request.SightingOfRef!).ConfigureAwait(false))
        {
            return ApiProblems.NotFound(context, $"sighting_of_ref: no object {request.SightingOfRef} that you may see.");
        }

        var builder = new StixBuilder(time)
        {
            CreatedByRef = caller.Organization.IdentityId,
            Markings = request.Tlp is { } level ? [Tlp.IdOf(level)] : [],
        };
        var sighting = builder.Sighting(request.SightingOfRef!, request.FirstSeen, request.LastSeen, request.Count,
            request.ObservedDataRefs is { Count: > 0 } observed ? observed : null, request.WhereSightedRefs is { Count: > 0 } where ? where : null);
        CopyPrivacyProperties(request, sighting);
        var validation = StixValidator.Validate(sighting);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(context, "body", string.Join("; ", validation.Errors.Select(e => e.ToString())));
        }

        var policy = await policies.GetCurrentAsync(context.RequestAborted).ConfigureAwait(false);
        var result = await objects.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = context.GetReader(),
            Collection = collection,
            Objects = [new ObjectSubmission(StixObject.FromJson(sighting), sighting.ToJsonString())],
            Policy = policy,
        }, context.RequestAborted).ConfigureAwait(false);
        if (!result.Stored)
        {
            var failure = result.Failures[0];
            if (failure.PolicyRefusal is { } refusal)
            {
                await PolicyRefusals.RecordAsync(policies, result, caller.Organization.Id, policy).ConfigureAwait(false);
                var field = refusal.Field!.StartsWith("objects[0].", StringComparison.Ordinal) ? refusal.Field["objects[0].".Length..] : refusal.Field;
                return refusal.TargetSector is null
                    ? ApiProblems.Invalid(context, field, refusal.Reason!)
                    : PolicyProblems.Refused(context, refusal with { Field = field }, policy.Version);
            }

            return ApiProblems.Status(context, StatusCodes.Status422UnprocessableEntity, "The sighting was refused", failure.Message);
        }

        var id = sighting["id"]!.GetValue<string>();
        return TypedResults.Created($"{RestApi.Prefix}/objects/{id}", new SightingCreated(id, collection.Id, sighting));
    }

    private static void CopyPrivacyProperties(SightingRequest request, JsonObject sighting)
    {
        if (request.Description is { } description)
        {
            sighting["description"] = description;
        }

        if (request.ContentClass is { } contentClass)
        {
            sighting[ContentClasses.Property] = contentClass;
        }

        if (request.LegalProcess is { } legalProcess)
        {
            sighting[LegalProcessReference.Property] = legalProcess.DeepClone();
        }
    }

    private static Dictionary<string, string[]> Check(SightingRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!StixId.TryParse(request.SightingOfRef, out var sighted))
        {
            errors["sighting_of_ref"] = [$"'{request.SightingOfRef}' is not a STIX identifier (type--UUID)"];
        }
        else if (sighted.Type is "relationship" or "sighting" or "marking-definition" or "language-content")
        {
            errors["sighting_of_ref"] = [$"a sighting refers to a domain object (indicator, campaign, malware...), not a {sighted.Type}"];
        }

        if (string.IsNullOrWhiteSpace(request.Collection))
        {
            errors["collection"] = ["the collection to store the sighting in is missing"];
        }

        if (request.Count is < 0 or > MaxCount)
        {
            errors["count"] = [$"{request.Count} is outside 0..{MaxCount}"];
        }

        if (request.FirstSeen is { } first && request.LastSeen is { } last && last < first)
        {
            errors["last_seen"] = ["last_seen is before first_seen"];
        }

        RefsOf(request.WhereSightedRefs, "where_sighted_refs", ["identity", "location"], errors);
        RefsOf(request.ObservedDataRefs, "observed_data_refs", ["observed-data"], errors);
        return errors;
    }

    private static void RefsOf(IReadOnlyList<string>? refs, string field, string[] types, Dictionary<string, string[]> errors)
    {
        for (var i = 0; refs is not null && i < refs.Count; i++)
        {
            if (!StixId.TryParse(refs[i], out var id) || !types.Contains(id.Type))
            {
                errors[$"{field}[{i}]"] = [$"'{refs[i]}' is not the id of a {string.Join(" or ", types)} object"];
            }
        }
    }

    private static async Task<bool> IsVisibleAsync(HttpContext context, IObjectStore objects, ReadableCollections readable, string id)
    {
        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        return collections.Length > 0 && await objects.CountAsync(new ObjectQuery { Reader = context.GetReader(), CollectionIds = collections, Ids = [id] },
            context.RequestAborted).ConfigureAwait(false) > 0;
    }
}
