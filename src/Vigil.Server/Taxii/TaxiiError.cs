using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Taxii;

/// <summary>The TAXII 2.1 error message resource (section 3.6.1) as a result: title, description, http_status, details.</summary>
public sealed class TaxiiError(int status, string title, string description, IReadOnlyList<string>? details = null,
    IReadOnlyList<Vigil.Storage.Objects.ObjectFailure>? policyRefusals = null) : IResult
{
    public int Status => status;

    public string Description => description;

    public static TaxiiError BadRequest(string description, IReadOnlyList<string>? details = null) => new(400, "Bad request", description, details);

    public static TaxiiError Unauthorized(string description) => new(401, "Unauthorized", description);

    public static TaxiiError Forbidden(string description) => new(403, "Forbidden", description);

    public static TaxiiError NotFound(string description) => new(404, "Not found", description);

    public static TaxiiError NotAcceptable() => new(406, "Not acceptable",
        $"The Accept header allows no media type this endpoint can produce; send Accept: {TaxiiMedia.Taxii21}.");

    public static TaxiiError TooLarge(long limit) => new(413, "Payload too large",
        $"The request body is larger than this server accepts ({limit.ToString(CultureInfo.InvariantCulture)} bytes, see max_content_length).");

    public static TaxiiError UnsupportedMediaType(string? actual) => new(415, "Unsupported media type",
        $"Content-Type '{actual ?? "(none)"}' is not accepted; send Content-Type: {TaxiiMedia.Taxii21}.");

    /// <summary>403 with <c>details.policy_refusals</c>: per refused object its index, id, the rule and the field that triggered it.</summary>
    public static TaxiiError PolicyRefused(string description, IReadOnlyList<string> details, IReadOnlyList<Vigil.Storage.Objects.ObjectFailure> refusals) =>
        new(403, "Refused by the data-minimization policy", description, details, refusals);

    public static TaxiiError Unprocessable(string description, IReadOnlyList<string> details) => new(422, "Unprocessable entity", description, details);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = TaxiiMedia.Taxii21;
        await using var json = new Utf8JsonWriter(response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("title", title);
        json.WriteString("description", description);
        json.WriteString("http_status", status.ToString(CultureInfo.InvariantCulture));
        if (details is { Count: > 0 })
        {
            json.WriteStartObject("details");
            json.WriteStartArray("errors");
            foreach (var detail in details)
            {
                json.WriteStringValue(detail);
            }

            json.WriteEndArray();
            if (policyRefusals is { Count: > 0 })
            {
                json.WriteStartArray("policy_refusals");
                foreach (var refusal in policyRefusals)
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", refusal.Index);
                    json.WriteString("id", refusal.Id);
                    json.WriteString("rule", refusal.PolicyRefusal!.Rule);
                    json.WriteString("field", refusal.PolicyRefusal.Field);
                    json.WriteString("content_class", refusal.PolicyRefusal.ContentClass);
                    json.WriteString("target_sector", refusal.PolicyRefusal.TargetSector is { } sector ? Vigil.Core.Privacy.SectorNames.NameOf(sector) : null);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
