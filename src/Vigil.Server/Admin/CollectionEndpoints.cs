using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;

namespace Vigil.Server.Admin;

internal static class CollectionEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, IMemberStore members)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateCollectionRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Id is { } id && !Guid.TryParseExact(id, "D", out _))
        {
            errors["id"] = ["must be a UUID (TAXII collection ids are UUIDs)"];
        }

        if (!AdminValidation.Slug().IsMatch(request.ApiRoot))
        {
            errors["apiRoot"] = ["must be 1-64 lower-case letters, digits and hyphens"];
        }

        AdminValidation.Name(errors, "title", request.Title);
        var orgs = (await members.ListOrganizationsAsync(context.RequestAborted).ConfigureAwait(false)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, ids) in new[] { ("readOrgIds", request.ReadOrgIds), ("writeOrgIds", request.WriteOrgIds) })
        {
            var unknown = ids.Where(o => !orgs.Contains(o)).ToArray();
            if (unknown.Length > 0)
            {
                errors[field] = [$"unknown organization id(s): {string.Join(", ", unknown)}"];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        try
        {
            var collection = await members.CreateCollectionAsync(new Collection
            {
                Id = request.Id?.ToLowerInvariant() ?? string.Empty,
                ApiRoot = request.ApiRoot,
                Title = request.Title.Trim(),
                Description = request.Description,
                Alias = request.Alias,
                ReadOrgIds = request.ReadOrgIds,
                WriteOrgIds = request.WriteOrgIds,
                AllMembersRead = request.AllMembersRead,
                AllMembersWrite = request.AllMembersWrite,
                PublicRead = request.PublicRead,
                DefaultTlp = request.DefaultTlp,
            }, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"/taxii2/{collection.ApiRoot}/collections/{collection.Id}/", collection);
        }
        catch (MemberConflictException e)
        {
            return ApiProblems.Conflict(context, $"Collection '{request.Title}': {e.Message}");
        }
    }

    public static async Task<IResult> ListAsync(IMemberStore members, CancellationToken cancellationToken) =>
        TypedResults.Ok(await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false));
}
