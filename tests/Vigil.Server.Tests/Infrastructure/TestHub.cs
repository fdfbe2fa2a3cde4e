using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Server.Admin;
using Vigil.Server.Hosting;
using Vigil.Storage.Database;
using Vigil.Storage.Members;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// A whole hub on the real HTTP pipeline (ASP.NET Core's in-memory test server): the same services, middleware and
/// endpoints as <c>vigil serve</c>, over a SQLite file in a temporary directory or a PostgreSQL database. Helpers
/// make organizations, users, keys, groups and collections directly in the member store.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private readonly bool _ownsDirectory;
    private int _counter;

    private TestHub(WebApplication app, string dataDirectory, bool ownsDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    /// <summary>A client without credentials: the public reader.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public IMemberStore Members => Services.GetRequiredService<IMemberStore>();

    public static async Task<TestHub> StartAsync(TestHubOptions? options = null)
    {
        options ??= new TestHubOptions();
        var ownsDirectory = options.DataDirectory is null;
        var directory = options.DataDirectory ?? Directory.CreateTempSubdirectory("vigil-hub-").FullName;
        var serverOptions = new ServerOptions
        {
            DataDirectory = directory,
            Urls = "http://127.0.0.1:0",
            Demo = options.Demo,
            MaxRequestBodyBytes = options.MaxRequestBodyBytes,
            Storage = options.PostgresConnectionString is { } postgres ? StorageOptions.ForPostgres(postgres) : null,
        };
        var builder = VigilServer.CreateBuilder(serverOptions);
        builder.WebHost.UseTestServer(server => server.PreserveExecutionContext = true);
        options.ConfigureServices?.Invoke(builder.Services);
        var app = await VigilServer.BuildAsync(builder);
        await app.StartAsync();
        return new TestHub(app, directory, ownsDirectory);
    }

    public HttpClient CreateClient(AuthenticationHeaderValue? authorization)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    public HttpClient BearerClient(string apiKey) => CreateClient(new AuthenticationHeaderValue("Bearer", apiKey));

    public HttpClient BasicClient(string userName, string password) => CreateClient(Basic(userName, password));

    public static AuthenticationHeaderValue Basic(string userName, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password)));

    public Task<Organization> CreateOrganizationAsync(Sector sector = Sector.Platform, string? name = null) =>
        Members.CreateOrganizationAsync(new Organization
        {
            Id = string.Empty,
            Name = name ?? $"Test org {Next()} {Guid.NewGuid():N}",
            Sector = sector,
            IdentityId = string.Empty,
        });

    /// <summary>An organization, a user of the given role with a password, and an unscoped API key bound to that user.</summary>
    public async Task<TestMember> CreateMemberAsync(Sector sector = Sector.Platform, UserRole role = UserRole.Analyst)
    {
        var org = await CreateOrganizationAsync(sector);
        return await CreateUserAsync(org, role);
    }

    public async Task<TestMember> CreateUserAsync(Organization org, UserRole role = UserRole.Analyst)
    {
        ArgumentNullException.ThrowIfNull(org);
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var user = await Members.CreateUserAsync(
            new UserAccount { Id = string.Empty, OrgId = org.Id, UserName = $"user{Next()}-{Guid.NewGuid():N}"[..24], Role = role }, password);
        var (key, secret) = await Members.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, UserId = user.Id, Name = "test key" });
        return new TestMember(org, user, password, secret, key.Id);
    }

    public async Task<(ApiKey Key, string Secret)> CreateApiKeyAsync(
        Organization org, UserAccount? user = null, IReadOnlyList<string>? readCollections = null, IReadOnlyList<string>? writeCollections = null, bool canWrite = true)
    {
        ArgumentNullException.ThrowIfNull(org);
        return await Members.CreateApiKeyAsync(new ApiKey
        {
            Id = string.Empty,
            OrgId = org.Id,
            UserId = user?.Id,
            Name = "test key",
            ReadCollections = readCollections ?? [],
            WriteCollections = writeCollections ?? [],
            CanWrite = canWrite,
        });
    }

    public Task<Collection> CreateCollectionAsync(
        IReadOnlyList<string>? readOrgs = null, IReadOnlyList<string>? writeOrgs = null, bool allMembersRead = false, bool allMembersWrite = false,
        bool publicRead = false, TlpLevel defaultTlp = TlpLevel.Amber, string apiRoot = AdminApi.DefaultApiRoot) =>
        Members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty,
            ApiRoot = apiRoot,
            Title = $"Test collection {Next()}",
            ReadOrgIds = readOrgs ?? [],
            WriteOrgIds = writeOrgs ?? [],
            AllMembersRead = allMembersRead,
            AllMembersWrite = allMembersWrite,
            PublicRead = publicRead,
            DefaultTlp = defaultTlp,
        });

    public Task<SharingGroup> CreateSharingGroupAsync(params Organization[] orgs) =>
        Members.CreateSharingGroupAsync(new SharingGroup { Id = string.Empty, Name = $"Test group {Next()} {Guid.NewGuid():N}", OrgIds = [.. orgs.Select(o => o.Id)] });

    private int Next() => Interlocked.Increment(ref _counter);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDirectory)
        {
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
}
