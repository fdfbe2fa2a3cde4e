using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Hosting;

/// <summary>
/// Reads a JSON request body into a request record, turning every way it can be wrong (media type, syntax, depth,
/// missing or mistyped properties) into a problem that names the JSON path and position.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasJsonContentType())
        {
            return (null, ApiProblems.Status(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be application/json, not '{context.Request.ContentType ?? "(none)"}'."));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, ApiProblems.Invalid(context, "$", "the body is JSON null; an object is required"))
                : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            return (null, ApiProblems.Invalid(context, where, FirstSentence(e.Message) + position));
        }
        catch (BadHttpRequestException e)
        {
            return (null, ApiProblems.Status(context, e.StatusCode, "Bad request", e.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $.x | LineNumber: ..." which the problem carries separately.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
