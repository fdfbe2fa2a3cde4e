using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;

namespace Vigil.Server.Admin;

internal static class OrganizationEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, IMemberStore members)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateOrganizationRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        AdminValidation.OptionalSlug(errors, "id", request.Id);
        AdminValidation.Name(errors, "name", request.Name);
        if (request.IdentityId is { } identity && !AdminValidation.IdentityId().IsMatch(identity))
        {
            errors["identityId"] = ["must be a STIX identity id, identity--<uuid> in lower case"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        try
        {
            var created = await members.CreateOrganizationAsync(new Organization
            {
                Id = request.Id ?? string.Empty,
                Name = request.Name.Trim(),
                Sector = request.Sector,
                IdentityId = request.IdentityId ?? string.Empty,
                Country = request.Country,
            }, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"/api/admin/organizations/{created.Id}", created);
        }
        catch (MemberConflictException e)
        {
            return ApiProblems.Conflict(context, $"Organization '{request.Name}' (id {request.Id ?? "new"}): {e.Message}");
        }
    }

    public static async Task<IResult> ListAsync(IMemberStore members, CancellationToken cancellationToken) =>
        TypedResults.Ok(await members.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false));

    public static async Task<IResult> GetAsync(string orgId, HttpContext context, IMemberStore members) =>
        await members.GetOrganizationAsync(orgId, context.RequestAborted).ConfigureAwait(false) is { } org
            ? TypedResults.Ok(org)
            : ApiProblems.NotFound(context, $"No organization has id '{orgId}'.");
}
