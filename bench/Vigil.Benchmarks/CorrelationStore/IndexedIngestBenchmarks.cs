using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Core.Stix.Building;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Storage.Correlation;
using Vigil.Storage.Database;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.CorrelationStore;

/// <summary>
/// What correlation indexing adds to a share: one operation writes an envelope of <see cref="Objects"/> new objects (url SCOs,
/// indicators with a URL pattern, relationships, sightings) on SQLite, without and with the correlation indexer in the transaction.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IndexedIngestBenchmarks
{
    private readonly StixBuilder _stix = new();
    private string _directory = string.Empty;
    private VigilDatabase _database = null!;
    private SqlObjectStore _plain = null!;
    private SqlObjectStore _indexed = null!;
    private Reader _writer = null!;
    private Collection _collection = null!;
    private int _round;

    [Params(1_000)]
    public int Objects { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("vigil-bench-ingest-").FullName;
        _database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(_directory, "vigil.db")));
        await _database.MigrateAsync(SchemaMigrations.All);
        var members = new SqlMemberStore(_database, new MemberStoreOptions { Pepper = RandomNumberGenerator.GetBytes(32), PasswordIterations = 1000 });
        var org = await members.CreateOrganizationAsync(new Organization { Id = string.Empty, Name = "Bench org", Sector = Sector.Platform, IdentityId = string.Empty });
        _collection = await members.CreateCollectionAsync(new Collection
        {
            Id = string.Empty, ApiRoot = "bench", Title = "Bench", WriteOrgIds = [org.Id], ReadOrgIds = [org.Id], DefaultTlp = TlpLevel.Green,
        });
        _writer = new Reader { OrgId = org.Id, Principals = [Principal.Org(org.Id)] };
        _plain = new SqlObjectStore(_database, members);
        var extractor = new StixObservableExtractor(new ObservableNormalizer(PublicSuffixList.LoadDebian()));
        _indexed = new SqlObjectStore(_database, members, indexers: [new CorrelationIndexer(_database, extractor)]);
    }

    [Benchmark(Baseline = true)]
    public Task<EnvelopeResult> WriteWithoutIndex() => _plain.AddEnvelopeAsync(Envelope());

    [Benchmark]
    public Task<EnvelopeResult> WriteWithIndex() => _indexed.AddEnvelopeAsync(Envelope());

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private EnvelopeWrite Envelope()
    {
        var round = (++_round).ToString(CultureInfo.InvariantCulture);
        var objects = new ObjectSubmission[Objects];
        JsonObject? indicator = null;
        for (var i = 0; i < objects.Length; i++)
        {
            var url = $"https://site-{i % 97}.example.com/r{round}/p{i}?utm_source=x";
            var json = (i % 4) switch
            {
                0 => _stix.Url(url),
                1 => indicator = _stix.Indicator($"[url:value = '{url}']", DateTimeOffset.UtcNow, name: "Landing page " + i),
                2 => _stix.Relationship(indicator!["id"]!.GetValue<string>(), "indicates", "campaign--5e6a3b2c-1d4f-4a8b-9c0d-1e2f3a4b5c6d"),
                _ => _stix.Sighting(indicator!["id"]!.GetValue<string>(), count: i),
            };
            objects[i] = new ObjectSubmission(StixObject.FromJson(json), json.ToJsonString());
        }

        return new EnvelopeWrite { Writer = _writer, Collection = _collection, Objects = objects };
    }
}
