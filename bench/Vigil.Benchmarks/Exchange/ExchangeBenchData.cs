using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Storage.Database;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.Exchange;

/// <summary>
/// Storage for the exchange benchmarks: a SQLite file in a temporary directory, or the PostgreSQL database named
/// by the VIGIL_BENCH_POSTGRES connection string. Objects are generated at run time.
/// </summary>
internal sealed class ExchangeBenchData : IAsyncDisposable
{
    private static readonly string[] Types = ["indicator", "indicator", "malware", "attack-pattern"];
    private static readonly string[] Markings = [Tlp.GreenId, Tlp.GreenId, Tlp.GreenId, Tlp.AmberId, Tlp.RedId, Tlp.ClearId];

    private readonly string? _directory;

    private ExchangeBenchData(VigilDatabase database, string? directory)
    {
        Database = database;
        _directory = directory;
        Members = new SqlMemberStore(database, new MemberStoreOptions { Pepper = RandomNumberGenerator.GetBytes(32), PasswordIterations = 1000 });
        Store = new SqlObjectStore(database, Members);
    }

    public VigilDatabase Database { get; }
    public SqlMemberStore Members { get; }
    public SqlObjectStore Store { get; }
    public Organization Author { get; private set; } = null!;
    public Collection Collection { get; private set; } = null!;
    public Reader Writer { get; private set; } = null!;

    /// <summary>A member that reads the collection but did not author its objects: the policy filter does real work.</summary>
    public Reader OtherMember { get; private set; } = null!;

    public static async Task<ExchangeBenchData> CreateAsync(string provider)
    {
        string? directory = null;
        StorageOptions options;
        if (provider == "postgres")
        {
            var connection = Environment.GetEnvironmentVariable("VIGIL_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set VIGIL_BENCH_POSTGRES to the connection string of an empty PostgreSQL database.");
            options = StorageOptions.ForPostgres(connection);
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("vigil-bench-").FullName;
            options = StorageOptions.ForSqliteFile(Path.Combine(directory, "vigil.db"));
        }

        var database = new VigilDatabase(options);
        await database.MigrateAsync(SchemaMigrations.All);
        var data = new ExchangeBenchData(database, directory);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        data.Author = await data.Members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Bench author " + suffix, Sector = Sector.Platform, IdentityId = string.Empty });
        var reader = await data.Members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Bench reader " + suffix, Sector = Sector.Government, IdentityId = string.Empty });
        data.Collection = await data.Members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty, ApiRoot = "vigil", Title = "Bench " + suffix, WriteOrgIds = [data.Author.Id], ReadOrgIds = [reader.Id],
        });
        data.Writer = new Reader { OrgId = data.Author.Id, Principals = [Principal.Org(data.Author.Id), Principal.Collection(data.Collection.Id)] };
        data.OtherMember = new Reader { OrgId = reader.Id, Principals = [Principal.Org(reader.Id), Principal.Collection(data.Collection.Id)] };
        return data;
    }

    public static ObjectSubmission[] Envelope(int size, int seed)
    {
        var objects = new ObjectSubmission[size];
        for (var i = 0; i < size; i++)
        {
            var n = seed + i;
            var type = Types[n % Types.Length];
            var json = new JsonObject
            {
                ["type"] = type,
                ["spec_version"] = "2.1",
                ["id"] = type + "--" + Guid.NewGuid(),
                ["created"] = "2026-05-01T10:00:00.000Z",
                ["modified"] = "2026-05-01T10:00:00.000Z",
                ["name"] = "Synthetic benchmark object " + n.ToString(CultureInfo.InvariantCulture),
                ["description"] = "Lookalike of a county election results page, registered shortly before polling day.",
                ["object_marking_refs"] = new JsonArray(Markings[n % Markings.Length]),
            };
            objects[i] = new ObjectSubmission(StixObject.FromJson(json), json.ToJsonString());
        }

        return objects;
    }

    public async Task SeedAsync(int count, int envelopeSize = 5000)
    {
        for (var done = 0; done < count; done += envelopeSize)
        {
            var result = await Store.AddEnvelopeAsync(new EnvelopeWrite { Writer = Writer, Collection = Collection, Objects = Envelope(Math.Min(envelopeSize, count - done), done) });
            if (!result.Stored)
            {
                throw new InvalidOperationException(result.Failures[0].Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
