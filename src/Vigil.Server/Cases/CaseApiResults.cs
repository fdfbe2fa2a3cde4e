using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Server.Hosting;

namespace Vigil.Server.Cases;

/// <summary>Reads JSON bodies and turns <see cref="CaseOutcome{T}"/> into responses: 400 naming the field, 403 for a policy refusal, 404, 409.</summary>
internal static class CaseApiResults
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted).ConfigureAwait(false);
            return body is null ? (null, ApiProblems.Invalid(context, "body", "send a JSON object")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid(context, e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", "not acceptable JSON: " + e.Message));
        }
    }

    public static IResult From<T>(HttpContext context, CaseOutcome<T> outcome, Func<T, IResult> ok)
    {
        if (outcome.Refusal is { } refusal)
        {
            return Privacy.PolicyProblems.Refused(context, refusal, outcome.PolicyVersion);
        }

        if (outcome.Errors is { } errors)
        {
            return ApiProblems.Invalid(context, errors);
        }

        if (outcome.NotFound is { } missing)
        {
            return ApiProblems.NotFound(context, missing);
        }

        return outcome.Conflict is { } conflict ? ApiProblems.Conflict(context, conflict) : ok(outcome.Value!);
    }
}
