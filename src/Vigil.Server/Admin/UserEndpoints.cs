using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;

namespace Vigil.Server.Admin;

internal static class UserEndpoints
{
    public static async Task<IResult> CreateAsync(string orgId, HttpContext context, IMemberStore members)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateUserRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        if (await members.GetOrganizationAsync(orgId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound(context, $"No organization has id '{orgId}'.");
        }

        if (context.GetCaller() is { } caller && !AdminAccess.MayGrant(caller, request.Role))
        {
            return ApiProblems.Forbidden(context, $"Only a hub admin may create a user with the role '{request.Role}'.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!AdminValidation.UserName().IsMatch(request.UserName))
        {
            errors["userName"] = ["must be 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"];
        }

        if (request.Password.Length < AdminValidation.MinPasswordLength)
        {
            errors["password"] = [$"is {request.Password.Length} characters; at least {AdminValidation.MinPasswordLength} are required"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        try
        {
            var user = await members.CreateUserAsync(new UserAccount
            {
                Id = string.Empty,
                OrgId = orgId,
                UserName = request.UserName,
                DisplayName = request.DisplayName,
                Role = request.Role,
            }, request.Password, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"/api/admin/organizations/{orgId}/users/{user.Id}", user);
        }
        catch (MemberConflictException e)
        {
            return ApiProblems.Conflict(context, $"User '{request.UserName}': {e.Message}");
        }
    }

    public static async Task<IResult> ListAsync(string orgId, HttpContext context, IMemberStore members) =>
        await members.GetOrganizationAsync(orgId, context.RequestAborted).ConfigureAwait(false) is null
            ? ApiProblems.NotFound(context, $"No organization has id '{orgId}'.")
            : TypedResults.Ok(await members.ListUsersAsync(orgId, context.RequestAborted).ConfigureAwait(false));
}
