using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Access;
using Vigil.Server.Cases;
using Vigil.Server.Hosting;

namespace Vigil.Server.Disclosures;

/// <summary>Publishing (<c>/api/rest/cases/{id}/disclosures</c>, 404 for anyone not party to the case) and the public reads under <c>/public/disclosures</c>.</summary>
internal static class DisclosureEndpoints
{
    public const int FeedSize = 50;

    public static async Task<IResult> PublishAsync(HttpContext context, string id, [FromServices] DisclosureService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (input, problem) = await CaseApiResults.ReadAsync<DisclosureInput>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await service.PublishAsync(caller, context, id, input!, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Errors is { } errors)
        {
            return ApiProblems.Invalid(context, errors);
        }

        if (outcome.NotFound is { } missing)
        {
            return ApiProblems.NotFound(context, missing);
        }

        return outcome.Forbidden is { } forbidden
            ? ApiProblems.Forbidden(context, forbidden)
            : TypedResults.Created($"{DisclosuresApi.PublicPrefix}/{outcome.Value!.Id}", new DisclosurePublished(outcome.Value, outcome.CaseDisclosed));
    }

    public static async Task<IResult> IndexAsync(HttpContext context, [FromServices] DisclosureService service, string? q = null, int? page = null, int? pageSize = null)
    {
        if (page is < 1)
        {
            return ApiProblems.Invalid(context, "page", "pages count from 1");
        }

        if (pageSize is < 1 or > 100)
        {
            return ApiProblems.Invalid(context, "pageSize", "between 1 and 100");
        }

        if (q is { Length: > 200 })
        {
            return ApiProblems.Invalid(context, "q", "at most 200 characters");
        }

        return TypedResults.Ok(await service.IndexAsync(q, page ?? 1, pageSize ?? 20, context.RequestAborted).ConfigureAwait(false));
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, [FromServices] DisclosureService service) =>
        await service.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } disclosure
            ? TypedResults.Ok(disclosure)
            : ApiProblems.NotFound(context, NoDisclosure(id));

    public static async Task<IResult> DatasetAsync(HttpContext context, string id, [FromServices] DisclosureService service)
    {
        if (await service.Store.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound(context, NoDisclosure(id));
        }

        var accounts = await service.Store.AccountsAsync(id, context.RequestAborted).ConfigureAwait(false);
        var cancel = context.RequestAborted;
        return TypedResults.Stream(s => DisclosureCsv.WriteAsync(accounts, s, cancel), "text/csv; charset=utf-8", DatasetFileName(id));
    }

    public static async Task<IResult> FeedAsync(HttpContext context, [FromServices] DisclosureService service)
    {
        var newest = await service.IndexAsync(null, 1, FeedSize, context.RequestAborted).ConfigureAwait(false);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var cancel = context.RequestAborted;
        return TypedResults.Stream(s => DisclosureAtomFeed.WriteAsync(newest.Items, origin, s, cancel), "application/atom+xml; charset=utf-8");
    }

    public static string DatasetFileName(string id) => id.Replace("disclosure--", "disclosure-", StringComparison.Ordinal) + "-accounts.csv";

    private static string NoDisclosure(string id) => $"id: there is no published disclosure '{id}'.";
}
