using BenchmarkDotNet.Attributes;
using Vigil.Core.Sharing;
using Vigil.Media.Pdq;
using Vigil.Server.Media;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.MediaBank;

/// <summary>
/// The media match endpoint's bank: building a reader's index from stored file SCOs and PDQ indicators (JSON read,
/// hash extraction, index insert — paid on a cache miss) and one image lookup against it (paid per upload, after hashing).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class PdqBankBenchmarks
{
    private List<StoredObject> stored = [];
    private PdqBank bank = null!;
    private PdqHash query;

    [Params(10_000, 100_000)]
    public int Hashes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        stored = new List<StoredObject>(Hashes);
        for (var i = 0; i < Hashes; i++)
        {
            var hash = new PdqHash((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64());
            var file = i % 2 == 0;
            var id = (file ? "file--" : "indicator--") + new Guid(i, 0, 0, new byte[8]);
            var json = file
                ? $$$"""{"type":"file","spec_version":"2.1","id":"{{{id}}}","hashes":{"PDQ":"{{{hash}}}"}}"""
                : $$$"""{"type":"indicator","spec_version":"2.1","id":"{{{id}}}","created":"2026-10-01T00:00:00.000Z","modified":"2026-10-01T00:00:00.000Z","name":"bank hash","labels":["manipulated media"],"pattern":"[file:hashes.PDQ = '{{{hash}}}']","pattern_type":"stix","valid_from":"2026-10-01T00:00:00.000Z"}""";
            stored.Add(new StoredObject
            {
                Seq = i + 1, CollectionId = "c", Id = id, Type = file ? "file" : "indicator", SpecVersion = "2.1",
                Version = "2026-10-01T00:00:00.000Z", Tlp = TlpLevel.Amber, AuthorOrgId = "o", Revoked = false, Json = json,
            });
            query = hash;
        }

        bank = PdqBank.Build(stored, DateTimeOffset.UnixEpoch);
    }

    [Benchmark]
    public int Build() => PdqBank.Build(stored, DateTimeOffset.UnixEpoch).Entries.Count;

    [Benchmark]
    public int Lookup() => bank.Index.Query(query).Count;
}
