using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class StixBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static StixBuilder Builder(params string[] markings) => new(new FixedTime(Now))
    {
        CreatedByRef = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
        Markings = markings,
    };

    [Fact]
    public void Every_builder_output_validates_without_errors_or_warnings()
    {
        var b = Builder(Tlp.AmberId);
        var campaign = b.Campaign("Synthetic ballot-rumour push", "Demo campaign", ["Operation Example"], Now.AddDays(-10), Now);
        var account = b.UserAccount("twitter", "1234567", "civic_watch");
        var url = b.Url("https://news.example/ballots-destroyed");
        var domain = b.DomainName("news.example");
        var objects = new[]
        {
            b.Identity("Example Platform", sectors: ["technology"]),
            campaign,
            b.IntrusionSet("Example Set", primaryMotivation: "ideology"),
            b.ThreatActor("Example Actor", ["nation-state"], sophistication: "advanced"),
            b.AttackPattern("Amplify with inauthentic accounts", killChainPhases: [("disarm", "execute")],
                externalReferences: [new JsonObject { ["source_name"] = "DISARM", ["external_id"] = "T0049" }]),
            b.Indicator("[url:value = 'https://news.example/ballots-destroyed']", Now, "Rumour URL", ["malicious-activity"]),
            b.Infrastructure("Link shortener farm", ["hosting-malware"]),
            b.Location(country: "us", administrativeArea: "US-PA"),
            b.Malware("Example RAT", isFamily: true, ["remote-access-trojan"]),
            b.Tool("Example scheduler", ["information-gathering"]),
            b.Note("Seen in three states", [(string)campaign["id"]!]),
            b.Opinion("agree", [(string)campaign["id"]!]),
            b.Report("Weekly summary", Now, [(string)campaign["id"]!], ["campaign"]),
            b.Grouping("suspicious-activity", [(string)campaign["id"]!]),
            b.ObservedData(Now.AddHours(-1), Now, 3, [(string)url["id"]!]),
            b.Relationship(campaign, "uses", b.Tool("Another tool")),
            b.Sighting((string)campaign["id"]!, Now.AddHours(-1), Now, 5),
            account, url, domain,
            b.Ipv4Address("198.51.100.3"),
            b.Ipv6Address("2001:db8::1"),
            b.EmailAddress("press@news.example", "Press"),
            b.File(new Dictionary<string, string> { ["SHA-256"] = "841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649" }, "flyer.pdf"),
            b.Artifact("hello"u8, "text/plain"),
            b.Artifact("https://files.example/x.zip", new Dictionary<string, string> { ["MD5"] = "d41d8cd98f00b204e9800998ecf8427e" }),
            b.StatementMarking("Shared under the hub's terms"),
            b.ExtensionDefinition("Vigil ad metadata", "https://vigil.example/schemas/ad", "1.0", ["property-extension"]),
            StixBuilder.TlpMarking(TlpLevel.Red),
        };

        foreach (var obj in objects)
        {
            var result = StixValidator.Validate(obj);
            Assert.True(result.IsValid, obj["type"] + ": " + result);
            Assert.True(result.Warnings.Count == 0, obj["type"] + " warnings: " + string.Join("; ", result.Warnings));
        }

        var envelope = StixBuilder.Envelope(objects);
        Assert.True(StixValidator.ValidateEnvelope(envelope).IsValid);
        Assert.True(StixValidator.ValidateEnvelope(StixBuilder.Bundle(objects)).IsValid);
    }

    [Fact]
    public void Sdos_get_uuid4_ids_author_markings_and_millisecond_timestamps()
    {
        var campaign = Builder(Tlp.GreenId).Campaign("x");

        var id = StixId.Parse((string)campaign["id"]!);
        Assert.Equal(4, id.Uuid.Version);
        Assert.Equal("2026-03-01T12:00:00.123Z", (string?)campaign["created"]);
        Assert.Equal((string?)campaign["created"], (string?)campaign["modified"]);
        Assert.Equal("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff", (string?)campaign["created_by_ref"]);
        Assert.Equal(Tlp.GreenId, (string?)campaign["object_marking_refs"]![0]);
    }

    [Fact]
    public void Scos_get_deterministic_ids_and_no_author()
    {
        var b = Builder();
        var account = b.UserAccount("twitter", "1234567", "civic_watch");

        Assert.Equal("user-account--7078d9de-aa5a-5024-baf2-aa897c226ad8", (string?)account["id"]);
        Assert.Equal((string?)account["id"], (string?)b.UserAccount("twitter", "1234567", "civic_watch")["id"]);
        Assert.False(account.ContainsKey("created_by_ref"));
        Assert.Equal("url--47c3cf9a-5027-5bf0-997a-017c7edc7c55", (string?)b.Url("https://example.com/research/index.html")["id"]);
    }

    [Fact]
    public void Builder_refuses_objects_the_spec_forbids()
    {
        var b = Builder();

        Assert.Throws<ArgumentException>(() => b.Location(name: "nowhere"));
        Assert.Throws<ArgumentException>(() => b.UserAccount("twitter", null, null));
        Assert.Throws<ArgumentException>(() => b.Report("empty", Now, []));
        Assert.Throws<ArgumentException>(() => b.File(null));
        Assert.Throws<InvalidOperationException>(() => new StixBuilder().ExtensionDefinition("x", "s", "1", ["new-sdo"]));
    }

    [Fact]
    public void Built_indicators_for_any_url_validate()
    {
        var b = Builder();
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 20].Sample(host =>
        {
            var value = "https://" + host + ".example/path";
            var url = b.Url(value);
            var indicator = b.Indicator("[url:value = '" + value + "']", Now);
            Assert.True(StixValidator.Validate(url).IsValid, StixValidator.Validate(url).ToString());
            Assert.True(StixValidator.Validate(indicator).IsValid, StixValidator.Validate(indicator).ToString());
            Assert.Equal(ScoIds.Compute("url", url), (string?)url["id"]);
        }, iter: 200);
    }

    [Fact]
    public void Timestamp_text_is_kept_and_ordered()
    {
        Assert.Equal("2026-03-01T12:00:00.123Z", StixTimestamp.From(Now).Text);
        Assert.True(StixTimestamp.Parse("2026-03-01T12:00:00.1Z") < StixTimestamp.Parse("2026-03-01T12:00:00.123Z"));
    }
}
