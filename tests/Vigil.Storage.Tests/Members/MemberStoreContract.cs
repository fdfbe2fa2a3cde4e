using System.Security.Cryptography;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;
using Vigil.Storage.Members;

namespace Vigil.Storage.Tests.Members;

/// <summary>The member store's behaviour, run against SQLite and PostgreSQL by the subclasses.</summary>
public abstract class MemberStoreContract : IAsyncLifetime
{
    private readonly byte[] _pepper = RandomNumberGenerator.GetBytes(32);
    private VigilDatabase? _database;
    private SqlMemberStore? _store;

    protected VigilDatabase Database => _database ?? throw new InvalidOperationException("not initialized");

    protected SqlMemberStore Store => _store ?? throw new InvalidOperationException("not initialized");

    protected abstract Task<StorageOptions> CreateStorageAsync();

    public async Task InitializeAsync()
    {
        _database = new VigilDatabase(await CreateStorageAsync());
        await _database.MigrateAsync(SchemaMigrations.All);
        _store = NewStore(_pepper);
    }

    public virtual async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private SqlMemberStore NewStore(byte[] pepper) =>
        new(Database, new MemberStoreOptions { Pepper = pepper, PasswordIterations = PasswordHasher.MinimumIterations });

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}";

    private Task<Organization> NewOrgAsync(Sector sector = Sector.Platform) =>
        Store.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = Unique("Org"), Sector = sector, IdentityId = string.Empty });

    private async Task<UserAccount> NewUserAsync(Organization org, string password, UserRole role = UserRole.Analyst) =>
        await Store.CreateUserAsync(new UserAccount { Id = string.Empty, OrgId = org.Id, UserName = Unique("user").Replace(' ', '-'), Role = role }, password);

    [Fact]
    public async Task Organization_round_trips_with_sector_and_identity()
    {
        var org = await NewOrgAsync(Sector.ElectionOffice);
        var loaded = await Store.GetOrganizationAsync(org.Id);
        Assert.Equal(org, loaded);
        Assert.StartsWith("identity--", org.IdentityId, StringComparison.Ordinal);
        Assert.Equal(org, await Store.GetOrganizationByIdentityAsync(org.IdentityId));
        Assert.Contains(org, await Store.ListOrganizationsAsync());
    }

    [Fact]
    public async Task Duplicate_organization_name_is_a_conflict()
    {
        var org = await NewOrgAsync();
        var error = await Assert.ThrowsAsync<MemberConflictException>(() =>
            Store.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = org.Name, Sector = Sector.Research, IdentityId = string.Empty }));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_in_unknown_organization_is_a_conflict()
    {
        await Assert.ThrowsAsync<MemberConflictException>(() =>
            Store.CreateUserAsync(new UserAccount { Id = string.Empty, OrgId = "no-such-org", UserName = Unique("u"), Role = UserRole.Analyst }, "pw-123456"));
    }

    [Fact]
    public async Task Password_verifies_and_wrong_password_does_not()
    {
        var user = await NewUserAsync(await NewOrgAsync(), "correct horse");
        Assert.Equal(user.Id, (await Store.VerifyPasswordAsync(user.UserName, "correct horse"))?.Id);
        Assert.Equal(user.Id, (await Store.VerifyPasswordAsync(user.UserName, "correct horse"))?.Id);
        Assert.Null(await Store.VerifyPasswordAsync(user.UserName, "correct horsE"));
        Assert.Null(await Store.VerifyPasswordAsync("nobody-" + Guid.NewGuid(), "correct horse"));
    }

    [Fact]
    public async Task Stored_password_is_a_slow_salted_hash_not_the_password()
    {
        var user = await NewUserAsync(await NewOrgAsync(), "plain-secret-value");
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users WHERE id = @id";
        VigilDatabase.AddParameter(command, "@id", user.Id);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain("plain-secret-value", stored, StringComparison.Ordinal);
        var parts = stored.Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 100_000);
    }

    [Fact]
    public async Task Changed_password_replaces_the_cached_one_at_once()
    {
        var user = await NewUserAsync(await NewOrgAsync(), "first-password");
        Assert.NotNull(await Store.VerifyPasswordAsync(user.UserName, "first-password"));
        Assert.True(await Store.SetPasswordAsync(user.Id, "second-password"));
        Assert.Null(await Store.VerifyPasswordAsync(user.UserName, "first-password"));
        Assert.NotNull(await Store.VerifyPasswordAsync(user.UserName, "second-password"));
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in()
    {
        var user = await NewUserAsync(await NewOrgAsync(), "pw-disabled");
        Assert.NotNull(await Store.VerifyPasswordAsync(user.UserName, "pw-disabled"));
        Assert.True(await Store.SetUserDisabledAsync(user.Id, true));
        Assert.Null(await Store.VerifyPasswordAsync(user.UserName, "pw-disabled"));
    }

    [Fact]
    public async Task Api_key_secret_verifies_and_is_stored_only_as_keyed_hash()
    {
        var org = await NewOrgAsync();
        var (key, secret) = await Store.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "ingest" });
        Assert.StartsWith(ApiKeySecret.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(key.Id, (await Store.VerifyApiKeyAsync(secret))?.Id);

        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash FROM api_keys WHERE id = @id";
        VigilDatabase.AddParameter(command, "@id", key.Id);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(secret[ApiKeySecret.Prefix.Length..], stored, StringComparison.Ordinal);
        Assert.Equal(64, stored.Length);
    }

    [Fact]
    public async Task Api_key_does_not_verify_under_another_pepper()
    {
        var org = await NewOrgAsync();
        var (_, secret) = await Store.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "k" });
        Assert.Null(await NewStore(RandomNumberGenerator.GetBytes(32)).VerifyApiKeyAsync(secret));
    }

    [Fact]
    public async Task Wrong_or_malformed_api_key_does_not_verify()
    {
        var org = await NewOrgAsync();
        var (_, secret) = await Store.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "k" });
        Assert.Null(await Store.VerifyApiKeyAsync(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await Store.VerifyApiKeyAsync(string.Empty));
        Assert.Null(await Store.VerifyApiKeyAsync("vgl_short"));
        Assert.Null(await Store.VerifyApiKeyAsync(new string('x', 5000)));
    }

    [Fact]
    public async Task Revoked_api_key_no_longer_verifies()
    {
        var org = await NewOrgAsync();
        var (key, secret) = await Store.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "k" });
        Assert.True(await Store.RevokeApiKeyAsync(key.Id));
        Assert.Null(await Store.VerifyApiKeyAsync(secret));
        Assert.True((await Store.GetApiKeyAsync(key.Id))!.Revoked);
        Assert.False(await Store.RevokeApiKeyAsync("no-such-key"));
    }

    [Fact]
    public async Task Api_key_scopes_and_owner_round_trip()
    {
        var org = await NewOrgAsync();
        var user = await NewUserAsync(org, "pw-scope");
        var (key, _) = await Store.CreateApiKeyAsync(new ApiKey
        {
            Id = string.Empty, OrgId = org.Id, UserId = user.Id, Name = "scoped", ReadCollections = ["c1", "c2"], WriteCollections = ["c2"], CanWrite = true,
        });
        var listed = Assert.Single(await Store.ListApiKeysAsync(org.Id));
        Assert.Equal(key.Id, listed.Id);
        Assert.Equal(user.Id, listed.UserId);
        Assert.Equal(["c1", "c2"], listed.ReadCollections);
        Assert.Equal(["c2"], listed.WriteCollections);
    }

    [Fact]
    public async Task Sharing_group_lists_its_organizations_and_is_found_from_each()
    {
        var a = await NewOrgAsync();
        var b = await NewOrgAsync(Sector.Government);
        var outsider = await NewOrgAsync();
        var group = await Store.CreateSharingGroupAsync(new SharingGroup { Id = string.Empty, Name = Unique("group"), OrgIds = [a.Id, b.Id, a.Id] });
        var loaded = await Store.GetSharingGroupAsync(group.Id);
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), loaded!.OrgIds);
        Assert.Contains(await Store.GroupsOfOrganizationAsync(b.Id), g => g.Id == group.Id);
        Assert.DoesNotContain(await Store.GroupsOfOrganizationAsync(outsider.Id), g => g.Id == group.Id);
    }

    [Fact]
    public async Task Sharing_group_with_unknown_organization_is_refused_whole()
    {
        var a = await NewOrgAsync();
        var name = Unique("group");
        await Assert.ThrowsAsync<MemberConflictException>(() =>
            Store.CreateSharingGroupAsync(new SharingGroup { Id = string.Empty, Name = name, OrgIds = [a.Id, "missing-org"] }));
        Assert.DoesNotContain(await Store.ListSharingGroupsAsync(), g => g.Name == name);
    }

    [Fact]
    public async Task Collection_round_trips_access_lists_and_default_tlp()
    {
        var reader = await NewOrgAsync();
        var writer = await NewOrgAsync();
        var root = "root-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Store.CreateCollectionAsync(new Collection
        {
            Id = string.Empty, ApiRoot = root, Title = "Election threats", ReadOrgIds = [reader.Id, writer.Id], WriteOrgIds = [writer.Id],
            PublicRead = true, DefaultTlp = TlpLevel.Green,
        });
        Assert.True(Guid.TryParse(created.Id, out _));
        var loaded = await Store.GetCollectionAsync(root, created.Id);
        Assert.NotNull(loaded);
        Assert.Equal([reader.Id], loaded.ReadOrgIds);
        Assert.Equal([writer.Id], loaded.WriteOrgIds);
        Assert.True(loaded.PublicRead);
        Assert.Equal(TlpLevel.Green, loaded.DefaultTlp);
        Assert.Single(await Store.ListCollectionsAsync(root));
        Assert.Contains(await Store.ListAllCollectionsAsync(), c => c.Id == created.Id);
        Assert.Null(await Store.GetCollectionAsync("other-root", created.Id));
    }

    [Fact]
    public async Task Every_change_moves_the_generation()
    {
        var before = Store.Generation;
        var org = await NewOrgAsync();
        var (key, _) = await Store.CreateApiKeyAsync(new ApiKey { Id = string.Empty, OrgId = org.Id, Name = "k" });
        var middle = Store.Generation;
        await Store.RevokeApiKeyAsync(key.Id);
        Assert.True(middle > before);
        Assert.True(Store.Generation > middle);
    }

    [Fact]
    public async Task Migrations_run_twice_change_nothing()
    {
        var org = await NewOrgAsync();
        await Database.MigrateAsync(SchemaMigrations.All);
        Assert.Equal(org, await Store.GetOrganizationAsync(org.Id));
    }
}
