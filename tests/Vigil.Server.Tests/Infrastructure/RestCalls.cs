using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>JSON calls to the REST API for the API contracts: each asserts the status it expects (with the body in the failure) and returns the JSON answer.</summary>
public static class RestCalls
{
    /// <summary>Sends <paramref name="body"/> as JSON (none when null); the answer's JSON, or <c>default</c> for an empty body.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {url}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected) => SendAsync(client, HttpMethod.Post, url, body, expected);

    public static Task<JsonElement> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) => SendAsync(client, HttpMethod.Get, url, null, expected);

    /// <summary>The fields an RFC 9457 problem names in its <c>errors</c>, in ordinal order.</summary>
    public static string[] ProblemFields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
