using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>/api/rest/elections</c>: the calendar every member shares, and per election the cases the caller is party to.</summary>
internal static class ElectionEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context, [FromServices] CaseService service, string? from = null, string? country = null)
    {
        if (context.GetCaller() is null)
        {
            return ApiProblems.Unauthorized(context);
        }

        DateOnly? since = null;
        if (from is not null)
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return ApiProblems.Invalid(context, "from", $"'{from}' is not a date (yyyy-MM-dd)");
            }

            since = day;
        }

        return TypedResults.Ok(await service.Elections.ListAsync(since, country, context.RequestAborted).ConfigureAwait(false));
    }

    public static async Task<IResult> CreateAsync(HttpContext context, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (input, problem) = await CaseApiResults.ReadAsync<ElectionInput>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await service.CreateElectionAsync(caller, input!, context.RequestAborted).ConfigureAwait(false);
        return CaseApiResults.From(context, outcome, election => TypedResults.Created($"/api/rest/elections/{election.Id}", election));
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, [FromServices] CaseService service)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        if (await service.Elections.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } election)
        {
            return ApiProblems.NotFound(context, $"id: there is no election '{id}' on the calendar.");
        }

        var cases = await service.Cases.ListAsync(caller.Reader, new CaseQuery { ElectionId = id, Limit = 1000 }, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ElectionDetail(election, cases));
    }
}
