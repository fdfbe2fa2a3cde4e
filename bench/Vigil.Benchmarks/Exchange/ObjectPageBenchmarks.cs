using BenchmarkDotNet.Attributes;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.Exchange;

/// <summary>
/// One TAXII-style page of 100 objects with match[type]=indicator, read by a member that is not the author (so the
/// TLP/audience filter runs), from a collection of <see cref="Objects"/> versions: the first page and one deep in.
/// </summary>
[ShortRunJob]
public class ObjectPageBenchmarks
{
    private ExchangeBenchData _data = null!;
    private long _middle;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [Params(10_000, 100_000)]
    public int Objects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ExchangeBenchData.CreateAsync(Provider).GetAwaiter().GetResult();
        _data.SeedAsync(Objects).GetAwaiter().GetResult();
        var all = _data.Store.QueryAsync(new ObjectQuery { Reader = _data.Writer, CollectionIds = [_data.Collection.Id], Limit = 10_000, IncludeJson = false })
            .GetAwaiter().GetResult();
        _middle = all.Items[all.Items.Count / 2].Seq;
    }

    [GlobalCleanup]
    public void Cleanup() => _data.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<ObjectPage> FirstPage() => _data.Store.QueryAsync(Query(null));

    [Benchmark]
    public Task<ObjectPage> DeepPage() => _data.Store.QueryAsync(Query(_middle));

    private ObjectQuery Query(long? after) => new()
    {
        Reader = _data.OtherMember,
        CollectionIds = [_data.Collection.Id],
        Types = ["indicator"],
        Limit = 100,
        AddedAfter = after,
    };
}
