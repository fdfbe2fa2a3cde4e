using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;

namespace Vigil.Server.Admin;

internal static class SharingGroupEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, IMemberStore members)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateSharingGroupRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        AdminValidation.OptionalSlug(errors, "id", request.Id);
        AdminValidation.Name(errors, "name", request.Name);
        var orgs = (await members.ListOrganizationsAsync(context.RequestAborted).ConfigureAwait(false)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = request.OrgIds.Where(id => !orgs.Contains(id)).ToArray();
        if (unknown.Length > 0)
        {
            errors["orgIds"] = [$"unknown organization id(s): {string.Join(", ", unknown)}"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        try
        {
            var group = await members.CreateSharingGroupAsync(new SharingGroup
            {
                Id = request.Id ?? string.Empty,
                Name = request.Name.Trim(),
                Description = request.Description,
                OrgIds = request.OrgIds,
            }, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"/api/admin/sharing-groups/{group.Id}", group);
        }
        catch (MemberConflictException e)
        {
            return ApiProblems.Conflict(context, $"Sharing group '{request.Name}': {e.Message}");
        }
    }

    public static async Task<IResult> ListAsync(IMemberStore members, CancellationToken cancellationToken) =>
        TypedResults.Ok(await members.ListSharingGroupsAsync(cancellationToken).ConfigureAwait(false));
}
