using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Server.Admin;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Taxii;
using Vigil.Storage.Members;
using Vigil.Testing;

namespace Vigil.Server.Tests.Enrichment;

/// <summary>
/// A whole hub on the real HTTP pipeline whose source registry is loaded from the shared data (<c>sources/</c>) and a small
/// Vigil-format ratings file, configured through <c>Vigil:Sources:*</c> as an operator would. One per test class.
/// </summary>
public sealed class EnrichmentHub : IAsyncLifetime
{
    public const string OwnRatingsCsv = """
        provider,domain,score,label,rated_on,evidence
        Example Fact Check,spoof-results.example,0.1,fabricated results pages,2026-03-01,https://factcheck.example/spoof-results
        Example Fact Check,bad-row.example,7,,,
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-enrich-");
    private WebApplication? _app;
    private int _counter;

    public WebApplication App => _app ?? throw new InvalidOperationException("The hub has not started.");

    public HttpClient Client => App.GetTestClient();

    public IMemberStore Members => App.Services.GetRequiredService<IMemberStore>();

    public async Task InitializeAsync()
    {
        var ratings = Path.Combine(_directory.FullName, "own-ratings.csv");
        await File.WriteAllTextAsync(ratings, OwnRatingsCsv);
        var builder = VigilServer.CreateBuilder(new ServerOptions { DataDirectory = Path.Combine(_directory.FullName, "data"), Urls = "http://127.0.0.1:0" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vigil:Sources:DomainRatings"] = RequireShared("sources", "domain_ratings.csv.gz"),
            ["Vigil:Sources:StateMediaMatrix"] = RequireShared("sources", "State_Media_Matrix.csv"),
            ["Vigil:Sources:Ratings:0"] = ratings,
        });
        builder.WebHost.UseTestServer(server => server.PreserveExecutionContext = true);
        _app = await VigilServer.BuildAsync(builder);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the database file; the temporary directory is left behind.
        }
    }

    public HttpClient BearerClient(string apiKey)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>An organization and an unscoped API key of one of its analysts.</summary>
    public async Task<(Organization Org, string ApiKey)> CreateMemberAsync(Sector sector = Sector.Platform)
    {
        var n = Interlocked.Increment(ref _counter);
        var org = await Members.CreateOrganizationAsync(new Organization
        {
            Id = string.Empty, Name = $"Enrichment org {n} {Guid.NewGuid():N}", Sector = sector, IdentityId = string.Empty,
        });
        var user = await Members.CreateUserAsync(
            new UserAccount { Id = string.Empty, OrgId = org.Id, UserName = $"enr{n}-{Guid.NewGuid():N}"[..20], Role = UserRole.Analyst }, "pw-" + Guid.NewGuid());
        var (_, secret) = await Members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, UserId = user.Id, Name = "enrichment test key" });
        return (org, secret);
    }

    public Task<Collection> CreateCollectionAsync(IReadOnlyList<string> readOrgs, IReadOnlyList<string> writeOrgs, bool publicRead = false) =>
        Members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty,
            ApiRoot = AdminApi.DefaultApiRoot,
            Title = $"Enrichment collection {Interlocked.Increment(ref _counter)}",
            ReadOrgIds = readOrgs,
            WriteOrgIds = writeOrgs,
            PublicRead = publicRead,
            DefaultTlp = TlpLevel.Amber,
        });

    /// <summary>Shares objects over TAXII, as a member would, and fails the test unless every one is stored.</summary>
    public static async Task ShareAsync(HttpClient client, string collectionId, params JsonObject[] objects)
    {
        using var response = await TaxiiClient.PostAsync(client, collectionId, objects);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        var status = JsonNode.Parse(body)!;
        Assert.True((int?)status["success_count"] == objects.Length, $"not every object was stored: {body}");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string RequireShared(params string[] parts)
    {
        var path = SharedData.Path(parts);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The shared source data {path} is missing; these tests need it.", path);
    }

    internal static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
