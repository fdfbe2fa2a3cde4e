using System.Text.Json.Nodes;
using Vigil.Benchmarks.Patterning;
using Vigil.Core.Sharing;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.Enrichment;

/// <summary>Stored indicator versions and request observables for the match service, generated at run time from <see cref="IndicatorCorpus"/>.</summary>
internal static class MatchBenchData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);

    public static List<StoredObject> Indicators(int count)
    {
        var patterns = IndicatorCorpus.Patterns(count);
        var stored = new List<StoredObject>(count);
        for (var i = 0; i < patterns.Length; i++)
        {
            var id = "indicator--" + new Guid(i, 0, 0, new byte[8]).ToString();
            var json = new JsonObject
            {
                ["type"] = "indicator",
                ["spec_version"] = "2.1",
                ["id"] = id,
                ["created"] = "2026-10-01T00:00:00.000Z",
                ["modified"] = "2026-10-01T00:00:00.000Z",
                ["name"] = "Synthetic indicator " + i,
                ["pattern"] = patterns[i],
                ["pattern_type"] = "stix",
                ["valid_from"] = "2026-10-01T00:00:00.000Z",
                ["valid_until"] = i % 10 == 0 ? "2027-01-01T00:00:00.000Z" : null,
            };
            stored.Add(new StoredObject
            {
                Seq = 1_000_000 + i,
                CollectionId = "collection-bench",
                Id = id,
                Type = "indicator",
                SpecVersion = "2.1",
                Version = "2026-10-01T00:00:00.000Z",
                Tlp = TlpLevel.Amber,
                AuthorOrgId = "org-bench",
                Revoked = false,
                Json = json.ToJsonString(),
            });
        }

        return stored;
    }

    /// <summary>Request observables as the endpoint receives them (one SCO each), a tenth carrying values some indicator names.</summary>
    public static List<JsonObject?> Observables(int count, int indicatorCount)
    {
        var list = new List<JsonObject?>(count);
        foreach (var observation in IndicatorCorpus.Observables(count, indicatorCount))
        {
            list.Add((JsonObject)observation.Objects[0].DeepClone());
        }

        return list;
    }
}
