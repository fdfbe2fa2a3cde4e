using System.Text.Json.Nodes;
using Vigil.Core.Patterning.Evaluation;
using Vigil.Core.Sharing;
using Vigil.Server.Enrichment;
using Vigil.Storage.Objects;

namespace Vigil.Server.Tests.Enrichment;

public sealed class IndicatorSnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

    private static StoredObject Stored(string id, long seq, string pattern, string? validUntil = null, bool revoked = false)
    {
        var json = EnrichmentStix.Indicator(pattern, Tlp.GreenId, validUntil: validUntil, id: id, revoked: revoked);
        return new StoredObject
        {
            Seq = seq, CollectionId = "collection-1", Id = id, Type = "indicator", SpecVersion = "2.1", Version = EnrichmentStix.Created,
            Tlp = TlpLevel.Green, AuthorOrgId = "org-1", Revoked = revoked, Json = json.ToJsonString(),
        };
    }

    private static ObservationInput[] Urls(params string[] urls) =>
        [.. urls.Select(u => ObservationInput.Untimed(new JsonObject { ["type"] = "url", ["value"] = u }))];

    private static string[] MatchedIds(IndicatorSnapshot snapshot, ObservationInput[] observations, DateTimeOffset now) =>
        [.. snapshot.Match(observations, now).Matches.Select(m => m.Indicator.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public void Indicator_past_its_valid_until_stops_matching_without_a_rebuild()
    {
        var snapshot = IndicatorSnapshot.Build([Stored("indicator--a", 1, "[url:value = 'https://a.example/']", validUntil: "2026-04-11T00:00:00Z")], Now);
        Assert.Equal(["indicator--a"], MatchedIds(snapshot, Urls("https://a.example/"), Now));
        Assert.Empty(MatchedIds(snapshot, Urls("https://a.example/"), Now.AddDays(2)));
    }

    [Fact]
    public void Unparsable_and_non_stix_patterns_are_skipped_and_counted()
    {
        var snapshot = IndicatorSnapshot.Build(
        [
            Stored("indicator--ok", 1, "[url:value = 'https://a.example/']"),
            Stored("indicator--broken", 2, "[url:value = "),
            Stored("indicator--revoked", 3, "[url:value = 'https://a.example/']", revoked: true),
        ], Now);
        Assert.Equal(1, snapshot.Count);
        Assert.Equal(2, snapshot.Skipped);
        Assert.Equal(3, snapshot.MaxSeq);
    }

    [Fact]
    public void Added_versions_replace_and_remove_base_indicators_until_the_delta_is_too_large()
    {
        var snapshot = IndicatorSnapshot.Build(
        [
            Stored("indicator--a", 1, "[url:value = 'https://a.example/']"),
            Stored("indicator--b", 2, "[url:value = 'https://b.example/']"),
        ], Now);
        var updated = snapshot.WithAdded(
        [
            Stored("indicator--a", 3, "[url:value = 'https://a2.example/']"),
            Stored("indicator--b", 4, "[url:value = 'https://b.example/']", revoked: true),
            Stored("indicator--c", 5, "[url:value LIKE 'https://c.example/%']"),
        ], Now);
        Assert.NotNull(updated);
        Assert.Equal(5, updated.MaxSeq);
        Assert.Equal(["indicator--a", "indicator--c"], MatchedIds(updated, Urls("https://a.example/", "https://a2.example/", "https://b.example/", "https://c.example/x"), Now));

        var many = Enumerable.Range(0, IndicatorSnapshot.MaxDelta + 1).Select(i => Stored($"indicator--n{i}", 10 + i, "[url:value = 'https://n.example/']")).ToArray();
        Assert.Null(updated.WithAdded(many, Now));
    }
}
