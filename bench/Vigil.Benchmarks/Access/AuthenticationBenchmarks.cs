using System.Text;
using BenchmarkDotNet.Attributes;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Storage.Database;
using Vigil.Storage.Members;

namespace Vigil.Benchmarks.Access;

/// <summary>
/// What signing a request in costs: the steady state (a caller cached for its Authorization header), the cold path
/// (key lookup and reader building on SQLite), the verified-password cache, and the KDF it saves. KeyCount is the
/// number of API keys in the database (1x and 10x).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class AuthenticationBenchmarks
{
    private DirectoryInfo? _directory;
    private VigilDatabase? _database;
    private SqlMemberStore? _store;
    private ReaderFactory? _readers;
    private Authenticator? _authenticator;
    private string _secret = string.Empty;
    private string _bearer = string.Empty;
    private string _basicPassword = string.Empty;
    private string _passwordHash = string.Empty;
    private const string UserName = "bench-user";
    private const string Password = "bench password 0123456789";

    [Params(100, 1000)]
    public int KeyCount { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("vigil-bench-auth-");
        _database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(_directory.FullName, "vigil.db")));
        await _database.MigrateAsync(SchemaMigrations.All);
        _store = new SqlMemberStore(_database, new MemberStoreOptions { Pepper = ServerPepper.LoadOrCreate(_directory.FullName) });
        var org = await _store.CreateOrganizationAsync(new Organization { Id = "bench-org", Name = "Bench org", Sector = Sector.Platform, IdentityId = string.Empty });
        var user = await _store.CreateUserAsync(new UserAccount { Id = string.Empty, OrgId = org.Id, UserName = UserName, Role = UserRole.Analyst }, Password);
        for (var i = 0; i < 5; i++)
        {
            await _store.CreateCollectionAsync(new Collection { Id = string.Empty, ApiRoot = "vigil", Title = $"c{i}", AllMembersRead = true });
        }

        for (var i = 0; i < KeyCount; i++)
        {
            var (_, secret) = await _store.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, UserId = user.Id, Name = $"k{i}" });
            _secret = secret;
        }

        _readers = new ReaderFactory(_store);
        _authenticator = new Authenticator(_store, _readers, new CallerCache(TimeProvider.System, TimeSpan.FromMinutes(10)));
        _bearer = "Bearer " + _secret;
        _basicPassword = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password));
        _passwordHash = PasswordHasher.Hash(Password);
        await _authenticator.AuthenticateAsync(_bearer, CancellationToken.None);
        await _authenticator.AuthenticateAsync(_basicPassword, CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory?.Delete(recursive: true);
    }

    [Benchmark(Description = "request: Bearer key, cached caller")]
    public Task<Caller?> BearerCached() => _authenticator!.AuthenticateAsync(_bearer, CancellationToken.None);

    [Benchmark(Description = "request: Basic password, cached caller")]
    public Task<Caller?> BasicPasswordCached() => _authenticator!.AuthenticateAsync(_basicPassword, CancellationToken.None);

    [Benchmark(Description = "request: Bearer key, cold (lookup + reader)")]
    public Task<Caller?> BearerCold() =>
        new Authenticator(_store!, _readers!, new CallerCache(TimeProvider.System, TimeSpan.FromMinutes(10))).AuthenticateAsync(_bearer, CancellationToken.None);

    [Benchmark(Description = "store: API key verify (HMAC + indexed lookup)")]
    public Task<ApiKey?> ApiKeyVerify() => _store!.VerifyApiKeyAsync(_secret);

    [Benchmark(Description = "store: password verify, verified-password cache hit")]
    public Task<UserAccount?> PasswordVerifyCached() => _store!.VerifyPasswordAsync(UserName, Password);

    [Benchmark(Description = "PBKDF2-SHA256 210k: the cost the cache saves")]
    public bool PasswordKdf() => PasswordHasher.Verify(Password, _passwordHash);
}
