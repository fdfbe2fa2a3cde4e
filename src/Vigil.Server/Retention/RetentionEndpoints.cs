using Microsoft.AspNetCore.Http;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;
using Vigil.Storage.Retention;

namespace Vigil.Server.Retention;

/// <summary>
/// Hub admins set, read and remove a collection's retention rule, list all rules with the closed-case period, and run the
/// sweep now. A rule takes effect at the next sweep.
/// </summary>
internal static class RetentionEndpoints
{
    public static async Task<IResult> ListAsync(SqlRetentionStore store, RetentionOptions options, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RetentionSettings(await store.ListAsync(cancellationToken).ConfigureAwait(false), options.ClosedCaseDays, options.Interval));

    public static async Task<IResult> GetAsync(HttpContext context, string collectionId, IMemberStore members, SqlRetentionStore store)
    {
        if (!await ExistsAsync(members, collectionId, context.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblems.NotFound(context, $"collectionId: there is no collection '{collectionId}'.");
        }

        return await store.GetAsync(collectionId, context.RequestAborted).ConfigureAwait(false) is { } rule
            ? TypedResults.Ok(rule)
            : ApiProblems.NotFound(context, $"collectionId: collection '{collectionId}' has no retention rule; its objects are kept.");
    }

    public static async Task<IResult> PutAsync(HttpContext context, string collectionId, IMemberStore members, SqlRetentionStore store)
    {
        if (!await ExistsAsync(members, collectionId, context.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblems.NotFound(context, $"collectionId: there is no collection '{collectionId}'.");
        }

        var (request, problem) = await JsonBody.ReadAsync<CollectionRetentionRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        if (request.Days is < 1 or > CollectionRetention.MaxDays)
        {
            return ApiProblems.Invalid(context, "days", $"must be a whole number of days from 1 to {CollectionRetention.MaxDays}; it is {request.Days}.");
        }

        var caller = context.GetCaller()!;
        var changedBy = caller.User is { } user ? "user:" + user.Id : "key:" + caller.Key!.Id;
        return TypedResults.Ok(await store.SetAsync(collectionId, request.Days, request.PersonalDataOnly, changedBy, context.RequestAborted).ConfigureAwait(false));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string collectionId, SqlRetentionStore store) =>
        await store.RemoveAsync(collectionId, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(context, $"collectionId: collection '{collectionId}' has no retention rule.");

    public static async Task<IResult> RunAsync(RetentionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RunNowAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<bool> ExistsAsync(IMemberStore members, string collectionId, CancellationToken cancellationToken) =>
        (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false)).Any(c => string.Equals(c.Id, collectionId, StringComparison.Ordinal));
}
