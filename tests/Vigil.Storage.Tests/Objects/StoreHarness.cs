using System.Security.Cryptography;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Tests.Objects;

/// <summary>A migrated database with the real member and object stores, and helpers to make orgs, collections and readers.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    public const string ApiRoot = "api1";

    private StoreHarness(VigilDatabase database)
    {
        Database = database;
        Members = new SqlMemberStore(database, new MemberStoreOptions { Pepper = RandomNumberGenerator.GetBytes(32), PasswordIterations = 1000 });
        Objects = new SqlObjectStore(database, Members);
    }

    public VigilDatabase Database { get; }
    public SqlMemberStore Members { get; }
    public SqlObjectStore Objects { get; }

    public static async Task<StoreHarness> OpenAsync(StorageOptions options)
    {
        var database = new VigilDatabase(options);
        await database.MigrateAsync(SchemaMigrations.All);
        return new StoreHarness(database);
    }

    public Task<Organization> OrgAsync(string name, Sector sector = Sector.Platform) =>
        Members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = name + " " + Guid.NewGuid().ToString("N")[..8], Sector = sector, IdentityId = string.Empty });

    public Task<Collection> CollectionAsync(IEnumerable<Organization> writers, IEnumerable<Organization>? readers = null, TlpLevel defaultTlp = TlpLevel.Amber,
        bool publicRead = false, bool allMembersRead = false) =>
        Members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty,
            ApiRoot = ApiRoot,
            Title = "Collection " + Guid.NewGuid().ToString("N")[..8],
            WriteOrgIds = [.. writers.Select(o => o.Id)],
            ReadOrgIds = [.. (readers ?? []).Select(o => o.Id)],
            DefaultTlp = defaultTlp,
            PublicRead = publicRead,
            AllMembersRead = allMembersRead,
        });

    /// <summary>The reader an authenticated member gets: its org, user, groups and every collection it may read.</summary>
    public async Task<Reader> ReaderAsync(Organization org, string? userId = null)
    {
        var partial = new Reader { OrgId = org.Id, UserId = userId, Principals = [] };
        var principals = new List<string> { Principal.Org(org.Id) };
        if (userId is not null)
        {
            principals.Add(Principal.User(userId));
        }

        foreach (var group in await Members.GroupsOfOrganizationAsync(org.Id))
        {
            principals.Add(Principal.Group(group.Id));
        }

        foreach (var collection in await Members.ListAllCollectionsAsync())
        {
            if (collection.CanRead(partial))
            {
                principals.Add(Principal.Collection(collection.Id));
            }
        }

        return partial with { Principals = principals };
    }

    public async Task<EnvelopeResult> PostAsync(Organization org, Collection collection, params ObjectSubmission[] objects) =>
        await Objects.AddEnvelopeAsync(new EnvelopeWrite { Writer = await ReaderAsync(org), Collection = collection, Objects = objects });

    public async Task<EnvelopeStatus> PostOkAsync(Organization org, Collection collection, params ObjectSubmission[] objects)
    {
        var result = await PostAsync(org, collection, objects);
        Assert.True(result.Stored, "envelope refused: " + string.Join("; ", result.Failures.Select(f => f.Message)));
        return result.Status!;
    }

    public async Task<List<StoredObject>> ReadAllAsync(Reader reader, Collection collection, VersionMatch? versions = null, int pageSize = 100)
    {
        var all = new List<StoredObject>();
        string? next = null;
        do
        {
            var page = await Objects.QueryAsync(new ObjectQuery
            {
                Reader = reader,
                CollectionIds = [collection.Id],
                Versions = versions ?? VersionMatch.Last,
                Limit = pageSize,
                Next = next,
            });
            all.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return all;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
