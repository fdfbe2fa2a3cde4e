using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Vigil.Server.Taxii;

/// <summary>TAXII 2.1 media types and the Accept / Content-Type checks of section 1.6.8.</summary>
public static class TaxiiMedia
{
    public const string Taxii21 = "application/taxii+json;version=2.1";
    public const string Stix21 = "application/stix+json;version=2.1";

    /// <summary>True when the request's Accept allows a TAXII 2.1 answer (absent, wildcard, taxii+json 2.1 or, for objects, stix+json 2.1).</summary>
    public static bool Accepts(HttpRequest request, bool allowStix)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Accept;
        if (header.Count == 0 || !MediaTypeHeaderValue.TryParseList(header, out var values) || values.Count == 0)
        {
            return header.Count == 0;
        }

        foreach (var value in values)
        {
            if (value.Quality is 0)
            {
                continue;
            }

            var type = value.MediaType.Value ?? string.Empty;
            if (type is "*/*" or "application/*" or "application/json"
                || (IsType(type, "application/taxii+json") && VersionOk(value))
                || (allowStix && IsType(type, "application/stix+json") && VersionOk(value)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a POST body is declared as a TAXII 2.1 envelope (or the STIX 2.1 / plain JSON forms some clients send).</summary>
    public static bool IsEnvelopeContentType(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var value))
        {
            return false;
        }

        var type = value.MediaType.Value ?? string.Empty;
        return (IsType(type, "application/taxii+json") || IsType(type, "application/stix+json")) && VersionOk(value)
            || IsType(type, "application/json");
    }

    private static bool IsType(string actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static bool VersionOk(MediaTypeHeaderValue value)
    {
        foreach (var parameter in value.Parameters)
        {
            if (string.Equals(parameter.Name.Value, "version", StringComparison.OrdinalIgnoreCase))
            {
                return string.Equals(HeaderUtilities.RemoveQuotes(parameter.Value).Value, "2.1", StringComparison.Ordinal);
            }
        }

        return true;
    }
}
