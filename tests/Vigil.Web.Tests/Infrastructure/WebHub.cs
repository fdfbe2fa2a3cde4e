using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Vigil.Server.Demo;
using Vigil.Server.Hosting;

namespace Vigil.Web.Tests.Infrastructure;

/// <summary>
/// A whole hub on Kestrel at a free port of 127.0.0.1, seeded with the demo exchange, so a real browser can reach it.
/// It is built exactly as <c>vigil serve --demo</c> builds it.
/// </summary>
public sealed class WebHub : IAsyncDisposable
{
    private WebHub(WebApplication app, string dataDirectory, Uri baseAddress, IReadOnlyList<DemoCredential> logins)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        Logins = logins;
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public IReadOnlyList<DemoCredential> Logins { get; }

    public DemoCredential Login(string user) => Logins.Single(l => l.User == user);

    public static async Task<WebHub> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-web-").FullName;
        var builder = VigilServer.CreateBuilder(new ServerOptions { DataDirectory = directory, Urls = "http://127.0.0.1:0", Demo = true });
        var app = await VigilServer.BuildAsync(builder);
        await app.StartAsync();
        var address = app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        var logins = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(Path.Combine(directory, DemoSeeder.CredentialsFileName)))!;
        return new WebHub(app, directory, new Uri(address + "/"), logins);
    }

    /// <summary>An HTTP client of the REST API signed in with the user's API key, to compare the pages with.</summary>
    public HttpClient ApiClient(string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Login(user).ApiKey);
        return client;
    }

    /// <summary>Every object the REST search returns for the user, following the keyset pages.</summary>
    public async Task<IReadOnlyList<JsonElement>> SearchAsync(string user, string query = "")
    {
        using var client = ApiClient(user);
        var items = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                "api/rest/objects?limit=500" + query + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next)));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temporary directory is left behind.
        }
    }
}
