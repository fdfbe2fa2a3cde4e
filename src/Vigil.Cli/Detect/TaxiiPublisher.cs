using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Markings;

namespace Vigil.Cli.Detect;

/// <summary>
/// Posts a bundle's objects to a TAXII 2.1 collection as envelopes (TAXII section 5.4). The TLP marking-definitions are
/// left out: every TAXII 2.1 server knows them, and posting them would make this organization their author.
/// </summary>
internal sealed class TaxiiPublisher(HttpClient client)
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string DefaultApiRoot = "taxii2/vigil";

    /// <summary>Objects per POST, so a large bundle stays under common request-size limits.</summary>
    public const int ObjectsPerRequest = 5000;

    /// <summary>
    /// The collection's objects URL: <paramref name="url"/> itself when it is one (<c>…/collections/ID/objects/</c>) or
    /// a collection's URL with <c>objects/</c> added; else <c>collections/ID/objects/</c> for <paramref name="collection"/>
    /// under the API root in <paramref name="url"/> (the hub's default root when the URL is the hub's base).
    /// </summary>
    public static Uri ObjectsUrl(Uri url, string? collection)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.AbsolutePath.Trim('/');
        if (path.EndsWith("/objects", StringComparison.Ordinal))
        {
            return new Uri(url, "/" + path + "/");
        }

        if (path.Contains("collections/", StringComparison.Ordinal))
        {
            return new Uri(url, "/" + path + "/objects/");
        }

        if (collection is null)
        {
            throw new ArgumentException(
                $"--publish {url} is not a collection's objects URL (…/collections/ID/objects/); give the hub's URL and --collection ID instead.");
        }

        var root = path.Length == 0 || path == "taxii2" ? DefaultApiRoot : path;
        return new Uri(url, "/" + root + "/collections/" + Uri.EscapeDataString(collection) + "/objects/");
    }

    /// <summary>The objects that go to the server: all but the built-in TLP marking-definitions.</summary>
    public static List<JsonObject> Publishable(JsonObject bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return ((JsonArray)bundle["objects"]!).OfType<JsonObject>()
            .Where(o => !((string?)o["type"] == "marking-definition" && TlpMarkings.BuiltIn((string?)o["id"] ?? "") is not null))
            .ToList();
    }

    public async Task<PublishOutcome> PublishAsync(Uri objectsUrl, string apiKey, JsonObject bundle, CancellationToken cancellationToken)
    {
        var objects = Publishable(bundle);
        var outcome = new PublishOutcome();
        for (var start = 0; start < objects.Count; start += ObjectsPerRequest)
        {
            var chunk = objects.Skip(start).Take(ObjectsPerRequest);
            using var request = new HttpRequestMessage(HttpMethod.Post, objectsUrl);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Headers.TryAddWithoutValidation("Accept", MediaType);
            request.Content = new StringContent(StixBuilder.Envelope(chunk).ToJsonString(), Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", MediaType);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            outcome.Requests++;
            outcome.HttpStatus = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                outcome.Error = ErrorText(response, body);
                return outcome;
            }

            ReadStatus(body, outcome);
        }

        return outcome;
    }

    private static void ReadStatus(string body, PublishOutcome outcome)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject status)
            {
                return;
            }

            outcome.Status = (string?)status["status"] ?? outcome.Status;
            outcome.Successes += (int?)status["success_count"] ?? 0;
            outcome.Failures += (int?)status["failure_count"] ?? 0;
            outcome.Pending += (int?)status["pending_count"] ?? 0;
            if (status["failures"] is JsonArray failures)
            {
                foreach (var failure in failures.OfType<JsonObject>().Take(10 - outcome.FailureMessages.Count))
                {
                    outcome.FailureMessages.Add($"{(string?)failure["id"]}: {(string?)failure["message"]}");
                }
            }
        }
        catch (JsonException)
        {
            outcome.Status = "unreadable status resource";
        }
    }

    /// <summary>The TAXII error message's title and description (and first details), else the status line and body start.</summary>
    private static string ErrorText(HttpResponseMessage response, string body)
    {
        var head = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            if (JsonNode.Parse(body) is JsonObject error && error["title"] is not null)
            {
                var text = new StringBuilder(head).Append(": ").Append((string?)error["title"]);
                if ((string?)error["description"] is { } description)
                {
                    text.Append(" — ").Append(description);
                }

                if (error["details"]?["errors"] is JsonArray details)
                {
                    foreach (var detail in details.Take(5))
                    {
                        text.Append("\n  ").Append(detail?.ToString());
                    }
                }

                return text.ToString();
            }
        }
        catch (JsonException)
        {
            // Not a TAXII error message; shown raw below.
        }

        return body.Length == 0 ? head : head + ": " + (body.Length > 300 ? body[..300] + "…" : body);
    }
}
