using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Validation;
using Vigil.Detection.Stix;

namespace Vigil.Detection.Tests.Stix;

public sealed class DetectionStixExporterTests
{
    private static readonly DateTimeOffset Time = new(2024, 4, 2, 9, 30, 0, TimeSpan.Zero);
    private const string Author = "identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";

    private static JsonObject Export(DetectionStixOptions? options = null) =>
        DetectionStixExporter.Export(DetectionResults.TwoClusters(), options ?? new DetectionStixOptions { Time = Time, CreatedByRef = Author });

    private static List<JsonObject> Objects(JsonObject bundle) => [.. ((JsonArray)bundle["objects"]!).OfType<JsonObject>()];

    private static List<JsonObject> OfType(JsonObject bundle, string type) => [.. Objects(bundle).Where(o => (string?)o["type"] == type)];

    private static string Id(JsonObject o) => (string)o["id"]!;

    [Fact]
    public void Every_object_of_the_bundle_validates()
    {
        var bundle = Export();
        var validation = StixValidator.ValidateEnvelope(bundle);
        Assert.True(validation.IsValid, string.Join("\n", validation.AllErrors()));
        foreach (var o in Objects(bundle))
        {
            var result = StixValidator.Validate(o);
            Assert.True(result.IsValid, $"{Id(o)}: {result}");
        }
    }

    [Fact]
    public void Each_cluster_is_a_campaign_with_its_accounts_related_to_it()
    {
        var bundle = Export();
        var campaigns = OfType(bundle, "campaign");
        Assert.Equal(2, campaigns.Count);
        var accounts = OfType(bundle, "user-account");
        Assert.Equal(7, accounts.Count);
        var related = OfType(bundle, "relationship").Where(r => (string?)r["relationship_type"] == "related-to").ToList();
        Assert.Equal(7, related.Count);
        Assert.All(related, r => Assert.StartsWith("user-account--", (string)r["source_ref"]!, StringComparison.Ordinal));
        Assert.Equal(4, related.Count(r => (string?)r["target_ref"] == Id(campaigns[0])));
        Assert.Equal("2024-03-01T12:01:00.000Z", (string?)campaigns[0]["first_seen"]);
        Assert.Equal(Author, (string?)campaigns[0]["created_by_ref"]);
        Assert.Contains("co-link", (string)campaigns[0]["description"]!, StringComparison.Ordinal);
        var uses = OfType(bundle, "relationship").Where(r => (string?)r["relationship_type"] == "uses").ToList();
        Assert.Equal(4, uses.Count);
        Assert.All(uses, r => Assert.StartsWith("attack-pattern--", (string)r["target_ref"]!, StringComparison.Ordinal));
        Assert.Equal(2, OfType(bundle, "attack-pattern").Count);
    }

    [Fact]
    public void User_accounts_have_deterministic_ids_and_the_platform()
    {
        var accounts = OfType(Export(), "user-account");
        var onTwitter = accounts.Single(a => (string?)a["user_id"] == "a2");
        Assert.Equal("twitter", (string?)onTwitter["account_type"]);
        Assert.Equal("twitter", (string?)onTwitter["x_platform"]);
        Assert.Equal("handle_a2", (string?)onTwitter["account_login"]);
        Assert.Equal(ScoIds.Compute("user-account", onTwitter), Id(onTwitter));

        var knownByHandle = accounts.Single(a => (string?)a["account_login"] == "a1");
        Assert.Null(knownByHandle["user_id"]);

        var noPlatform = accounts.Single(a => (string?)a["user_id"] == "b2");
        Assert.Null(noPlatform["account_type"]);
        Assert.Equal(ScoIds.Compute("user-account", noPlatform), Id(noPlatform));

        var defaulted = OfType(Export(new DetectionStixOptions { Time = Time, DefaultPlatform = "Facebook" }), "user-account")
            .Single(a => (string?)a["user_id"] == "b2");
        Assert.Equal("facebook", (string?)defaulted["account_type"]);
        Assert.Equal("Facebook", (string?)defaulted["x_platform"]);
    }

    [Fact]
    public void Shared_urls_and_domains_become_escaped_indicators_of_each_campaign()
    {
        var bundle = Export();
        var indicators = OfType(bundle, "indicator");
        var patterns = indicators.Select(i => (string)i["pattern"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "[domain-name:value = 'news.example']",
            "[domain-name:value = 'other.example']",
            @"[url:value = 'https://news.example/it\'s-a\\story?id=7' OR url:value = 'http://news.example/it\'s-a\\story?id=7']",
        ], patterns);
        var url = indicators.Single(i => ((string)i["pattern"]!).StartsWith("[url", StringComparison.Ordinal));
        var indicates = OfType(bundle, "relationship").Where(r => (string?)r["source_ref"] == Id(url)).ToList();
        Assert.Equal(2, indicates.Count);
        Assert.All(indicates, r => Assert.Equal("indicates", (string?)r["relationship_type"]));
        Assert.Equal("2024-03-01T12:03:00.000Z", (string?)url["valid_from"]);
    }

    [Fact]
    public void The_report_refers_to_everything_and_summarizes_the_evidence()
    {
        var bundle = Export();
        var report = Assert.Single(OfType(bundle, "report"));
        var refs = ((JsonArray)report["object_refs"]!).Select(r => (string)r!).ToHashSet();
        var expected = Objects(bundle).Where(o => (string?)o["type"] is not ("report" or "marking-definition")).Select(Id).ToHashSet();
        Assert.Equal(expected, refs);
        var description = (string)report["description"]!;
        Assert.Contains("7 accounts, 9 edges", description, StringComparison.Ordinal);
        Assert.Contains("2024-03-01 12:00:00 UTC to 2024-03-01 17:00:00 UTC", description, StringComparison.Ordinal);
        Assert.Contains("Strongest signals: co-link (3 edges, 12 co-actions", description, StringComparison.Ordinal);
        Assert.Equal(7, (int?)report["x_vigil_detection"]!["accounts"]);
    }

    [Fact]
    public void Every_object_carries_the_chosen_tlp_amber_by_default()
    {
        var amber = Export();
        var marking = Assert.Single(OfType(amber, "marking-definition"));
        Assert.Equal(Tlp.AmberId, Id(marking));
        Assert.All(Objects(amber).Where(o => (string?)o["type"] != "marking-definition"),
            o => Assert.Equal([Tlp.AmberId], ((JsonArray)o["object_marking_refs"]!).Select(r => (string)r!)));

        var red = Export(new DetectionStixOptions { Time = Time, Tlp = TlpLevel.Red });
        Assert.Equal(Tlp.RedId, Id(Assert.Single(OfType(red, "marking-definition"))));
        Assert.All(OfType(red, "campaign"), c => Assert.Equal(Tlp.RedId, (string?)c["object_marking_refs"]![0]));
        Assert.All(OfType(red, "campaign"), c => Assert.Null(c["created_by_ref"]));
    }

    [Fact]
    public void Re_running_gives_the_same_bundle_and_later_runs_the_same_ids()
    {
        Assert.Equal(Export().ToJsonString(), Export().ToJsonString());

        var later = Export(new DetectionStixOptions { Time = Time.AddDays(1), CreatedByRef = Author });
        Assert.Equal(Objects(Export()).Select(Id), Objects(later).Select(Id));
        Assert.NotEqual(Export().ToJsonString(), later.ToJsonString());

        var otherAuthor = Export(new DetectionStixOptions { Time = Time });
        Assert.NotEqual(Id(OfType(Export(), "campaign")[0]), Id(OfType(otherAuthor, "campaign")[0]));
    }

    [Fact]
    public void Indicators_per_cluster_are_capped()
    {
        var bundle = Export(new DetectionStixOptions { Time = Time, MaxIndicatorsPerCluster = 1 });
        Assert.Equal(2, OfType(bundle, "indicator").Count);
        Assert.True(StixValidator.ValidateEnvelope(bundle).IsValid);
    }

    [Fact]
    public void An_empty_result_gives_a_valid_bundle_with_only_the_marking()
    {
        var bundle = DetectionStixExporter.Export(DetectionResults.Empty(), new DetectionStixOptions { Time = Time });
        Assert.Equal("marking-definition", (string?)Assert.Single(Objects(bundle))["type"]);
        Assert.True(StixValidator.ValidateEnvelope(bundle).IsValid);
    }

    [Fact]
    public void A_cooRTweet_run_exports_a_valid_bundle()
    {
        var builder = new Activities.ActivityTableBuilder();
        var t = 1_700_000_000L;
        for (var item = 0; item < 6; item++)
        {
            foreach (var account in new[] { "x", "y", "z" })
            {
                builder.Add(new Activities.ActivityRecord
                {
                    AccountId = account,
                    ReferencedId = "object" + item,
                    ActivityId = account + item,
                    Timestamp = t + (item * 3600) + account[0],
                    Kind = Activities.ActivityKind.Reshare,
                });
            }
        }

        var result = DetectionEngine.Run(builder.Build(), new DetectionOptions { CooRTweet = new() { WindowSeconds = 10, MinParticipation = 2 } });
        var bundle = DetectionStixExporter.Export(result, new DetectionStixOptions { Time = Time, DefaultPlatform = "twitter" });
        Assert.True(StixValidator.ValidateEnvelope(bundle).IsValid, string.Join("\n", StixValidator.ValidateEnvelope(bundle).AllErrors()));
        Assert.Equal(result.Clusters.Count, OfType(bundle, "campaign").Count);
        Assert.Equal(3, OfType(bundle, "user-account").Count);
    }
}
