using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;

namespace Vigil.Server.Admin;

internal static class ApiKeyEndpoints
{
    public static async Task<IResult> CreateAsync(string orgId, HttpContext context, IMemberStore members)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateApiKeyRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var cancellationToken = context.RequestAborted;
        if (await members.GetOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound(context, $"No organization has id '{orgId}'.");
        }

        var errors = new Dictionary<string, string[]>();
        AdminValidation.Name(errors, "name", request.Name);
        if (request.UserId is { } userId)
        {
            var user = await members.GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                errors["userId"] = [$"no user has id '{userId}'"];
            }
            else if (user.OrgId != orgId)
            {
                errors["userId"] = [$"user '{userId}' belongs to another organization"];
            }
            else if (context.GetCaller() is { } caller && !AdminAccess.MayGrant(caller, user.Role))
            {
                return ApiProblems.Forbidden(context, $"Only a hub admin may create a key for a user with the role '{user.Role}'.");
            }
        }

        var known = (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        CheckCollections(errors, "readCollections", request.ReadCollections, known);
        CheckCollections(errors, "writeCollections", request.WriteCollections, known);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        var (key, secret) = await members.CreateApiKeyAsync(new ApiKey
        {
            Id = string.Empty,
            OrgId = orgId,
            UserId = request.UserId,
            Name = request.Name.Trim(),
            ReadCollections = request.ReadCollections,
            WriteCollections = request.WriteCollections,
            CanWrite = request.CanWrite,
        }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/admin/api-keys/{key.Id}", new CreatedApiKey(key, secret));
    }

    public static async Task<IResult> ListAsync(string orgId, HttpContext context, IMemberStore members) =>
        await members.GetOrganizationAsync(orgId, context.RequestAborted).ConfigureAwait(false) is null
            ? ApiProblems.NotFound(context, $"No organization has id '{orgId}'.")
            : TypedResults.Ok(await members.ListApiKeysAsync(orgId, context.RequestAborted).ConfigureAwait(false));

    public static async Task<IResult> RevokeAsync(string keyId, HttpContext context, IMemberStore members)
    {
        var key = await members.GetApiKeyAsync(keyId, context.RequestAborted).ConfigureAwait(false);
        if (key is null || context.GetCaller() is not { } caller || !AdminAccess.MayManage(caller, key.OrgId))
        {
            // Another organization's key looks the same as no key, so ids cannot be probed.
            return ApiProblems.NotFound(context, $"No API key has id '{keyId}'.");
        }

        await members.RevokeApiKeyAsync(keyId, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(await members.GetApiKeyAsync(keyId, context.RequestAborted).ConfigureAwait(false));
    }

    private static void CheckCollections(Dictionary<string, string[]> errors, string field, IReadOnlyList<string> ids, HashSet<string> known)
    {
        var unknown = ids.Where(id => !known.Contains(id)).ToArray();
        if (unknown.Length > 0)
        {
            errors[field] = [$"unknown collection id(s): {string.Join(", ", unknown)}"];
        }
    }
}
