using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>/api/rest/requests</c>: send, inbox, outbox, read, respond, close. A request is 404 to everyone but its sender and recipients.</summary>
internal static class RequestEndpoints
{
    public static async Task<IResult> SendAsync(HttpContext context, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (input, problem) = await CaseApiResults.ReadAsync<RequestInput>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await service.SendRequestAsync(caller, context, input!, context.RequestAborted).ConfigureAwait(false);
        return CaseApiResults.From(context, outcome, sent => TypedResults.Created($"/api/rest/requests/{sent.Id}", sent));
    }

    public static Task<IResult> InboxAsync(HttpContext context, [FromServices] CaseService service, string? status = null, int? limit = null) =>
        ListAsync(context, service, RequestBox.Inbox, status, limit);

    public static Task<IResult> OutboxAsync(HttpContext context, [FromServices] CaseService service, string? status = null, int? limit = null) =>
        ListAsync(context, service, RequestBox.Outbox, status, limit);

    public static async Task<IResult> GetAsync(HttpContext context, string id, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        if (await service.Requests.GetAsync(caller.Reader, id, context.RequestAborted).ConfigureAwait(false) is not { } request)
        {
            return ApiProblems.NotFound(context, CaseService.NoRequest(id));
        }

        var responses = await service.Requests.ResponsesAsync(caller.Reader, id, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new RequestDetail(request, responses));
    }

    public static async Task<IResult> RespondAsync(HttpContext context, string id, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (input, problem) = await CaseApiResults.ReadAsync<ResponseInput>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await service.RespondAsync(caller, id, input!, context.RequestAborted).ConfigureAwait(false);
        return CaseApiResults.From(context, outcome, response => TypedResults.Created($"/api/rest/requests/{id}", response));
    }

    public static async Task<IResult> CloseAsync(HttpContext context, string id, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await service.Requests.CloseAsync(caller.Reader, id, context.RequestAborted).ConfigureAwait(false) switch
        {
            RequestAnswer.Done => TypedResults.NoContent(),
            RequestAnswer.NotARecipient => ApiProblems.Forbidden(context, "only the sender closes a request"),
            _ => ApiProblems.NotFound(context, CaseService.NoRequest(id)),
        };
    }

    private static async Task<IResult> ListAsync(HttpContext context, CaseService service, RequestBox box, string? status, int? limit)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        RequestStatus? wanted = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<RequestStatus>(status, out var parsed))
            {
                return ApiProblems.Invalid(context, "status", $"'{status}' is not one of {EnumNames.List<RequestStatus>()}");
            }

            wanted = parsed;
        }

        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid(context, "limit", "between 1 and 1000");
        }

        var items = await service.Requests.ListAsync(caller.Reader, box, wanted, limit ?? 100, context.RequestAborted).ConfigureAwait(false);
        var total = await service.Requests.CountAsync(caller.Reader, box, wanted, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new RequestList(items, total));
    }
}
