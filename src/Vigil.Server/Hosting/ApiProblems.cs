using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigil.Server.Hosting;

/// <summary>RFC 9457 problem details for the JSON APIs, each saying what went wrong and where (the request path, the field).</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Status(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TypedResults.Problem(detail: detail, instance: context.Request.Path.Value, statusCode: status, title: title);
    }

    public static ValidationProblem Invalid(HttpContext context, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}",
            instance: context.Request.Path.Value,
            title: "The request is not valid");
    }

    public static ValidationProblem Invalid(HttpContext context, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(
            errors,
            detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            instance: context.Request.Path.Value,
            title: "The request is not valid");
    }

    public static ProblemHttpResult NotFound(HttpContext context, string what) =>
        Status(context, StatusCodes.Status404NotFound, "Not found", what);

    public static ProblemHttpResult Conflict(HttpContext context, string what) =>
        Status(context, StatusCodes.Status409Conflict, "Conflict", what);

    public static ProblemHttpResult Unauthorized(HttpContext context) =>
        Status(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in with HTTP Basic (user name and password, or any user name and an API key) or a Bearer API key.");

    public static ProblemHttpResult Forbidden(HttpContext context, string what) =>
        Status(context, StatusCodes.Status403Forbidden, "Forbidden", what);
}
