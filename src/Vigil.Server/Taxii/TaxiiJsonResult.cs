using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Taxii;

/// <summary>A TAXII resource written straight to the response with a <see cref="Utf8JsonWriter"/> (stored objects go out as their raw text).</summary>
public sealed class TaxiiJsonResult(int status, Action<Utf8JsonWriter> write, IReadOnlyList<KeyValuePair<string, string>>? headers = null) : IResult
{
    public static TaxiiJsonResult Ok(Action<Utf8JsonWriter> write, IReadOnlyList<KeyValuePair<string, string>>? headers = null) => new(200, write, headers);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = TaxiiMedia.Taxii21;
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }
        }

        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = true });
        write(json);
        await json.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
