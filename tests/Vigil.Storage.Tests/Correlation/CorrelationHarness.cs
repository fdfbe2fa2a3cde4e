using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Storage.Correlation;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;
using Vigil.Storage.Tests.Objects;

namespace Vigil.Storage.Tests.Correlation;

/// <summary>The store harness plus an object store that indexes observables on write, and the correlation store reading them.</summary>
public sealed class CorrelationHarness : IAsyncDisposable
{
    private CorrelationHarness(StoreHarness store, ObservableNormalizer normalizer)
    {
        Store = store;
        Normalizer = normalizer;
        Extractor = new StixObservableExtractor(normalizer);
        Objects = new SqlObjectStore(store.Database, store.Members, indexers: [new CorrelationIndexer(store.Database, Extractor)]);
        Correlation = new SqlCorrelationStore(store.Database);
    }

    public StoreHarness Store { get; }
    public ObservableNormalizer Normalizer { get; }
    public StixObservableExtractor Extractor { get; }
    public SqlObjectStore Objects { get; }
    public SqlCorrelationStore Correlation { get; }

    public static async Task<CorrelationHarness> OpenAsync(StorageOptions options) =>
        new(await StoreHarness.OpenAsync(options), new ObservableNormalizer(PublicSuffixList.LoadDebian()));

    public async Task PostOkAsync(Organization org, Collection collection, params JsonObject[] objects)
    {
        var result = await Objects.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = await Store.ReaderAsync(org),
            Collection = collection,
            Objects = [.. objects.Select(o => new ObjectSubmission(StixObject.FromJson(o), o.ToJsonString()))],
        });
        Assert.True(result.Stored, "envelope refused: " + string.Join("; ", result.Failures.Select(f => f.Message)));
    }

    public ObservableKey Url(string value) => Normalizer.Normalize(ObservableKind.Url, value).Key;

    public static JsonObject Marked(JsonObject stix, TlpLevel level, IEnumerable<string>? recipients = null)
    {
        stix["object_marking_refs"] = new JsonArray(Tlp.IdOf(level));
        if (recipients is not null)
        {
            stix["x_vigil_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return stix;
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
