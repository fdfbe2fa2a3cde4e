using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>/api/rest/cases</c>: open, list, read, move, assign, comment on and attach to cases. Anything the caller is not party to is 404.</summary>
internal static class CaseEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context, [FromServices] CaseService service, string? status = null, string? type = null,
        string? election = null, int? limit = null)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var query = new CaseQuery { ElectionId = string.IsNullOrWhiteSpace(election) ? null : election, Limit = limit ?? 100 };
        if (status is not null)
        {
            if (!EnumNames.TryParse<CaseStatus>(status, out var parsed))
            {
                return ApiProblems.Invalid(context, "status", $"'{status}' is not one of {EnumNames.List<CaseStatus>()}");
            }

            query = query with { Status = parsed };
        }

        if (type is not null)
        {
            if (!EnumNames.TryParse<CaseType>(type, out var parsed))
            {
                return ApiProblems.Invalid(context, "type", $"'{type}' is not one of {EnumNames.List<CaseType>()}");
            }

            query = query with { Type = parsed };
        }

        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid(context, "limit", "between 1 and 1000");
        }

        var items = await service.Cases.ListAsync(caller.Reader, query, context.RequestAborted).ConfigureAwait(false);
        var total = await service.Cases.CountAsync(caller.Reader, query, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new CaseList(items, total));
    }

    public static async Task<IResult> CreateAsync(HttpContext context, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (input, problem) = await CaseApiResults.ReadAsync<CaseInput>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await service.CreateCaseAsync(caller, input!, context.RequestAborted).ConfigureAwait(false);
        return CaseApiResults.From(context, outcome, created => TypedResults.Created($"/api/rest/cases/{created.Id}", created));
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await DetailAsync(service, caller, id, context.RequestAborted).ConfigureAwait(false) is { } detail
            ? TypedResults.Ok(detail)
            : ApiProblems.NotFound(context, CaseService.NoCase(id));
    }

    /// <summary>Everything the case page and <c>GET /api/rest/cases/{id}</c> show; null when the caller is not a party.</summary>
    public static async Task<CaseDetail?> DetailAsync(CaseService service, Caller caller, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(caller);
        if (await service.Cases.GetAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        return new CaseDetail(
            found,
            CaseWorkflow.NextOf(found.Status),
            await service.Cases.TimelineAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false),
            await service.Cases.CommentsAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false),
            await service.Cases.AttachmentsAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false),
            await service.Requests.ForCaseAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false),
            await service.Cases.AdPagesAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false));
    }

    public static Task<IResult> StatusAsync(HttpContext context, string id, [FromServices] CaseService service) =>
        ChangeAsync<StatusInput, CaseStatus>(context, (caller, input) => service.ChangeStatusAsync(caller, id, input, context.RequestAborted),
            _ => TypedResults.NoContent());

    public static Task<IResult> AssignAsync(HttpContext context, string id, [FromServices] CaseService service) =>
        ChangeAsync<AssignInput, string>(context, (caller, input) => service.AssignAsync(caller, id, input, context.RequestAborted), _ => TypedResults.NoContent());

    public static Task<IResult> NameAdPageAsync(HttpContext context, string id, [FromServices] CaseService service) =>
        ChangeAsync<AdPageInput, string>(context, (caller, input) => service.NameAdPageAsync(caller, id, input, context.RequestAborted), _ => TypedResults.NoContent());

    /// <summary>The cases naming an ad page that the caller is party to; members only, and an empty list for a page no case of theirs names.</summary>
    public static async Task<IResult> AdPageCasesAsync(HttpContext context, string platform, string pageId, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (normalized, problem) = CaseService.AdPage(platform, pageId);
        if (problem is not null)
        {
            return ApiProblems.Invalid(context, problem.Value.Field, problem.Value.Message);
        }

        var cases = await service.Cases.NamingAdPageAsync(caller.Reader, normalized.Platform, normalized.PageId, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new AdPageCases(normalized.Platform, normalized.PageId,
            [.. cases.Select(c => new AdPageCase(c.Id, c.Title, EnumNames.Of(c.Type), EnumNames.Of(c.Status)))]));
    }

    public static Task<IResult> AddPartyAsync(HttpContext context, string id, [FromServices] CaseService service) =>
        ChangeAsync<PartyInput, string>(context, (caller, input) => service.AddPartyAsync(caller, id, input, context.RequestAborted), _ => TypedResults.NoContent());

    public static Task<IResult> CommentAsync(HttpContext context, string id, [FromServices] CaseService service) =>
        ChangeAsync<CommentInput, CaseComment>(context, (caller, input) => service.CommentAsync(caller, id, input, context.RequestAborted),
            comment => TypedResults.Created($"/api/rest/cases/{id}", comment));

    public static Task<IResult> AttachAsync(HttpContext context, string id, [FromServices] CaseService service) =>
        ChangeAsync<AttachInput, string>(context, (caller, input) => service.AttachAsync(caller, context, id, input, context.RequestAborted),
            _ => TypedResults.NoContent());

    private static async Task<IResult> ChangeAsync<TInput, TResult>(HttpContext context, Func<Caller, TInput, Task<CaseOutcome<TResult>>> change, Func<TResult, IResult> ok)
        where TInput : class
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (input, problem) = await CaseApiResults.ReadAsync<TInput>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return CaseApiResults.From(context, await change(caller, input!).ConfigureAwait(false), ok);
    }
}
