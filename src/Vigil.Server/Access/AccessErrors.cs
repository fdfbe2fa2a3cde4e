using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Access;

/// <summary>
/// Error bodies written before any endpoint runs: the TAXII error message resource under <c>/taxii2</c>, RFC 9457
/// problem details everywhere else.
/// </summary>
public static class AccessErrors
{
    public const string TaxiiPrefix = "/taxii2";
    public const string TaxiiMediaType = "application/taxii+json;version=2.1";

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var taxii = context.Request.Path.StartsWithSegments(TaxiiPrefix, StringComparison.OrdinalIgnoreCase);
        context.Response.StatusCode = status;
        context.Response.ContentType = taxii ? TaxiiMediaType : "application/problem+json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        if (taxii)
        {
            json.WriteString("title", title);
            json.WriteString("description", detail);
            json.WriteString("http_status", status.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteString("type", "about:blank");
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("instance", context.Request.Path.Value);
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
