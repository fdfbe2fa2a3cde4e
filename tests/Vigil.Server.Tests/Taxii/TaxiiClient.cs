using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Taxii;

/// <summary>Sends TAXII 2.1 requests the way the OASIS taxii2-client does (Accept and Content-Type headers, trailing slashes).</summary>
internal static class TaxiiClient
{
    public const string MediaType = "application/taxii+json;version=2.1";

    public static string CollectionUrl(string collectionId) => $"/taxii2/vigil/collections/{collectionId}/";

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept = MediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string collectionId, string body, string contentType = MediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CollectionUrl(collectionId) + "objects/");
        request.Headers.TryAddWithoutValidation("Accept", MediaType);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string collectionId, params JsonObject[] objects) =>
        PostAsync(client, collectionId, Envelope(objects));

    public static string Envelope(params JsonObject[] objects) =>
        new JsonObject { ["objects"] = new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]) }.ToJsonString();

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static void AssertTaxiiContentType(HttpResponseMessage response)
    {
        var contentType = response.Content.Headers.ContentType;
        Assert.NotNull(contentType);
        Assert.Equal("application/taxii+json", contentType.MediaType);
        Assert.Contains(contentType.Parameters, p => p.Name == "version" && p.Value == "2.1");
    }

    public static MediaTypeWithQualityHeaderValue Accept => new("application/taxii+json");
}
